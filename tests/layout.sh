#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The two rooms of lib/ (HACKING.md "Layout"): the generic plugin kit in lib/ includes
# no header of the Tencent Cloud code in lib/tencentcloud/, and every file that does
# include one names it with its directory ("tencentcloud/api.h"), so that this grep
# sees every crossing.
set -u
: "${top_srcdir:?run through make check}"
cd "$top_srcdir" || exit 1
n=0
failed=0
# rule WHAT-IS-KEPT WHAT-IS-BROKEN INCLUDED-NAME-RE FILES...: one TAP line per file
rule() {
	local kept=$1 broken=$2 re=$3 f hits
	shift 3
	for f in "$@"; do
		n=$((n + 1))
		hits=$(grep -nE "^[[:space:]]*#[[:space:]]*include[[:space:]]*\"$re\"" "$f")
		if [ -z "$hits" ]; then
			echo "ok $n - $f $kept"
		else
			failed=1
			echo "not ok $n - $f $broken"
			sed 's/^/# /' <<<"$hits"
		fi
	done
}
rule "(plugin kit) includes no Tencent Cloud header" \
	"(plugin kit) includes a Tencent Cloud header" 'tencentcloud/[^"]*' lib/*.[ch]
# a Tencent Cloud header included without its directory would hide a crossing
names=$(cd lib/tencentcloud && ls -- *.h | sed 's/\./\\./g' | paste -sd'|')
rule "names Tencent Cloud headers with their directory" \
	"includes a Tencent Cloud header without \"tencentcloud/\"" "($names)" \
	lib/*.[ch] lib/tencentcloud/*.[ch] plugins/*.[ch] plugins/*.sample sim/*.[ch] \
	tests/unit/*.[ch] tests/fuzz/*.c bench/*.c
echo "1..$n"
exit $failed
