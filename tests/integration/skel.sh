#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The template of a new check (plugins/check_tc_skel.c.sample, skel_logic.[ch].sample,
# plugins/test_skel_logic.c.sample) still builds with the project's flags against
# the built library, its --help works, its unit test passes, and it gives the right
# verdict against the simulator: HACKING.md's recipe cannot rot unnoticed.
. "$top_srcdir/tests/integration/lib.sh"

: "${SAMPLE_CC:?run through make check}"
S=$WORK/skel
mkdir -p "$S"
cp "$top_srcdir/plugins/check_tc_skel.c.sample" "$S/check_tc_skel.c"
cp "$top_srcdir/plugins/skel_logic.c.sample" "$S/skel_logic.c"
cp "$top_srcdir/plugins/skel_logic.h.sample" "$S/skel_logic.h"
cp "$top_srcdir/plugins/test_skel_logic.c.sample" "$S/test_skel_logic.c"
INC=(-D_GNU_SOURCE -I"$S" -I"$top_srcdir/lib" -I"$top_srcdir/tests/unit" -I"$top_builddir")

# compile DESCRIPTION OUTPUT SOURCES...: with the flags the project's own code gets
compile() {
	local desc=$1 out=$2
	shift 2
	# shellcheck disable=SC2086
	if $SAMPLE_CC $SAMPLE_CFLAGS "${INC[@]}" -o "$out" "$@" "$top_builddir/lib/libtcbilling.a" \
		$SAMPLE_LIBS >"$WORK/cc.out" 2>&1; then
		ok "$desc"
	else
		not_ok "$desc" "$(cat "$WORK/cc.out")"
	fi
}

compile "check_tc_skel.c.sample builds against the library, without a warning" \
	"$S/check_tc_skel" "$S/check_tc_skel.c" "$S/skel_logic.c"
compile "test_skel_logic.c.sample builds" "$S/test_skel_logic" "$S/test_skel_logic.c" \
	"$S/skel_logic.c"

run "$S/test_skel_logic"
if [ "$RC" -eq 0 ] && [ "$(grep -c '^ok ' <<<"$OUT")" -eq 2 ]; then
	ok "the template's unit test runs its two tests and passes"
else
	not_ok "the template's unit test runs its two tests and passes" "exit $RC" "$OUT" "$ERR"
fi

expect "check_tc_skel --help: its usage, exit 3" 3 \
	"check_tc_skel (*) *" "$S/check_tc_skel" --help
expect_line "--help lists the template's own option" "*--ignore-below=AMOUNT*"

start_sim api tls
C=(--endpoint "https://127.0.0.1:$PORT_api" --cacert "$WORK/cert.pem")
Y=$'\xc2\xa5'
frozen() { with_env TENCENTCLOUD_SECRET_ID="$(key_id frozen)" TENCENTCLOUD_SECRET_KEY="$(key_secret frozen)" "$@"; }
expect "check_tc_skel reads FreezeAmount from the simulator: 2,000 frozen is WARNING" 1 \
	"TC SKEL WARNING - ${Y}2,000.00 frozen (warning: above ${Y}1,000.00) | 'frozen_cny'=2000;1000;5000;0;" \
	frozen "$S/check_tc_skel" "${C[@]}"
expect "its own option is read: --ignore-below 3000 makes it OK" 0 \
	"TC SKEL OK - ${Y}2,000.00 frozen | 'frozen_cny'=2000;1000;5000;0;" \
	frozen "$S/check_tc_skel" "${C[@]}" --ignore-below 3000
expect "a wrong key is UNKNOWN, as every check" 3 "TC SKEL UNKNOWN - *" \
	with_env TENCENTCLOUD_SECRET_ID=AKIDnobody TENCENTCLOUD_SECRET_KEY=wrong \
	"$S/check_tc_skel" "${C[@]}"

finish
