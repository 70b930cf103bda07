#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The libcurl loaded at run time is checked against the floor configure checked the
# headers against (7.85.0): a library that says it is 7.74.0 gives one UNKNOWN line
# naming both versions, and sends nothing.
. "$top_srcdir/tests/integration/lib.sh"

need_tool CC gcc "${CC:-cc}" cc gcc
mkdir -p "$WORK/oldcurl"
cat >"$WORK/oldcurl/old.c" <<'C'
#include <curl/curl.h>
static curl_version_info_data d = {.age = CURLVERSION_NOW, .version = "7.74.0", .version_num = 0x074a00};
curl_version_info_data *curl_version_info(CURLversion v) {
	(void)v;
	return &d;
}
C
# shellcheck disable=SC2046
"$CC" -shared -fPIC $(pkg-config --cflags libcurl 2>/dev/null) -o "$WORK/oldcurl/libcurl.so.4" \
	"$WORK/oldcurl/old.c" || { echo "Bail out! cannot build the stand-in library"; exit 1; }

for p in check_tc_balance check_tc_runway; do
	expect "$p with libcurl 7.74.0: UNKNOWN naming both versions" 3 \
		"TC * UNKNOWN - *libcurl 7.74.0 is too old: 7.85.0 or newer is needed" \
		with_env LD_LIBRARY_PATH="$WORK/oldcurl" TENCENTCLOUD_SECRET_ID="$(key_id healthy)" \
		TENCENTCLOUD_SECRET_KEY="$(key_secret healthy)" "$PLUGINS/$p" --endpoint https://127.0.0.1:9
done
expect "notify_tc_lark with libcurl 7.74.0: not delivered (exit 1), naming both versions" 1 \
	"notify_tc_lark: *libcurl 7.74.0 is too old: 7.85.0 or newer is needed" \
	with_env LD_LIBRARY_PATH="$WORK/oldcurl" TC_LARK_WEBHOOK=http://127.0.0.1:9/open-apis/bot/v2/hook/x \
	TC_LARK_SECRET=s "$PLUGINS/notify_tc_lark" --state OK --host h
finish
