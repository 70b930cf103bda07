#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The C sources are formatted as .clang-format says (clang-format 14, Debian 12).
set -u
: "${top_srcdir:?run through make check}"
CLANG_FORMAT=${CLANG_FORMAT:-clang-format}
cd "$top_srcdir" || exit 1
if ! command -v "$CLANG_FORMAT" >/dev/null; then
	echo "1..0 # SKIP clang-format missing: apt-get install clang-format (scripts/setup-debian --test)"
	exit 0
fi
n=0
failed=0
for f in lib/*.[ch] lib/tencentcloud/*.[ch] plugins/*.[ch] sim/*.[ch] tests/unit/*.[ch] tests/fuzz/*.c bench/*.c; do
	n=$((n + 1))
	if "$CLANG_FORMAT" --dry-run -Werror "$f" >/dev/null 2>&1; then
		echo "ok $n - $f is formatted"
	else
		failed=1
		echo "not ok $n - $f is not formatted (run: clang-format -i $f)"
	fi
done
# the templates of a new check, formatted as the file they become
for f in plugins/*.sample; do
	n=$((n + 1))
	as=${f%.sample}
	if "$CLANG_FORMAT" --dry-run -Werror --assume-filename="$as" <"$f" >/dev/null 2>&1; then
		echo "ok $n - $f is formatted"
	else
		failed=1
		echo "not ok $n - $f is not formatted (run: clang-format --assume-filename=$as <$f)"
	fi
done
echo "1..$n"
exit $failed
