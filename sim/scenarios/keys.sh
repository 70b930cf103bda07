# SPDX-License-Identifier: GPL-3.0-or-later
# The fake API keys of the scenario accounts, by account name (sourced by the tests
# and the demo): secret id "AKIDsim" + the name upper-cased without dashes + zeros up
# to 26 characters of name and padding; secret key "simSecret-NAME-do-not-use".
key_id() {
	local up pad
	up=$(printf '%s' "$1" | tr -d '-' | tr '[:lower:]' '[:upper:]')
	pad=$((26 - ${#1}))
	[ "$pad" -lt 0 ] && pad=0
	printf 'AKIDsim%s%s' "$up" "$(printf '%*s' "$pad" '' | tr ' ' 0)"
}

key_secret() {
	printf 'simSecret-%s-do-not-use' "$1"
}
