#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The two rooms of lib/ (HACKING.md "Layout"): the generic plugin kit in lib/ includes
# no header of the Tencent Cloud code in lib/tencentcloud/, and every file that does
# include one names it with its directory ("tencentcloud/api.h"), so that this grep
# sees every crossing.
set -u
: "${top_srcdir:?run through make check}"
cd "$top_srcdir" || exit 1
# crossings still to be cut, each named here until it is gone
KNOWN="lib/opts.h lib/plugin.c lib/plugin.h"
n=0
failed=0
for f in lib/*.[ch]; do
	n=$((n + 1))
	hits=$(grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"tencentcloud/' "$f")
	if [ -z "$hits" ]; then
		echo "ok $n - $f (plugin kit) includes no Tencent Cloud header"
	elif [[ " $KNOWN " == *" $f "* ]]; then
		echo "ok $n - $f includes a Tencent Cloud header: a known crossing, still to be cut"
	else
		failed=1
		echo "not ok $n - $f (plugin kit) includes a Tencent Cloud header"
		sed 's/^/# /' <<<"$hits"
	fi
done
# a Tencent Cloud header included without its directory would hide a crossing
names=$(cd lib/tencentcloud && ls -- *.h | sed 's/\./\\./g' | paste -sd'|')
for f in lib/*.[ch] lib/tencentcloud/*.[ch] plugins/*.[ch] plugins/*.sample sim/*.[ch] \
	tests/unit/*.[ch] tests/fuzz/*.c bench/*.c; do
	n=$((n + 1))
	hits=$(grep -nE "^[[:space:]]*#[[:space:]]*include[[:space:]]*\"($names)\"" "$f")
	if [ -z "$hits" ]; then
		echo "ok $n - $f names Tencent Cloud headers with their directory"
	else
		failed=1
		echo "not ok $n - $f includes a Tencent Cloud header without \"tencentcloud/\""
		sed 's/^/# /' <<<"$hits"
	fi
done
echo "1..$n"
exit $failed
