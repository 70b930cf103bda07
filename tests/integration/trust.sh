#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Certificate verification: a CA of the test's own signs the simulator's
# certificates; a check trusts them through --cacert or a hashed --capath directory
# and refuses them otherwise, and for a name the certificate does not carry. Without
# --cacert the system's CA directory is searched and its bundle file never read.
. "$top_srcdir/tests/integration/lib.sh"

quiet() { "$@" >/dev/null 2>&1; }
quiet "$OPENSSL" req -x509 -newkey rsa:2048 -nodes -keyout "$WORK/ca.key" -out "$WORK/ca.pem" -days 2 \
	-subj "/CN=tc-billing-plugins test CA" || { echo "Bail out! openssl cannot make a CA"; exit 1; }
# leaf NAME SUBJECT-ALT-NAME: a certificate signed by the CA
leaf() {
	quiet "$OPENSSL" req -newkey rsa:2048 -nodes -keyout "$WORK/$1.key" -out "$WORK/$1.csr" -subj "/CN=$1"
	printf 'subjectAltName=%s\n' "$2" >"$WORK/$1.ext"
	quiet "$OPENSSL" x509 -req -in "$WORK/$1.csr" -CA "$WORK/ca.pem" -CAkey "$WORK/ca.key" \
		-CAcreateserial -days 2 -extfile "$WORK/$1.ext" -out "$WORK/$1.pem"
}
leaf good IP:127.0.0.1
leaf misnamed DNS:elsewhere.example
mkdir -p "$WORK/cadir" "$WORK/otherdir"
cp "$WORK/ca.pem" "$WORK/cadir/"
make_cert
cp "$WORK/cert.pem" "$WORK/otherdir/"
quiet "$OPENSSL" rehash "$WORK/cadir" "$WORK/otherdir" || { echo "Bail out! openssl rehash failed"; exit 1; }

start_sim good http --tls-cert "$WORK/good.pem" --tls-key "$WORK/good.key"
start_sim misnamed http --tls-cert "$WORK/misnamed.pem" --tls-key "$WORK/misnamed.key"
G=(--endpoint "https://127.0.0.1:$PORT_good")
OK_LINE="TC BALANCE OK - * available | *"
TLS_FAIL="TC BALANCE UNKNOWN - DescribeAccountBalance: TLS failure with 127.0.0.1:$PORT_good: *"

expect "--capath: the CA's hashed directory" 0 "$OK_LINE" balance_as ok "${G[@]}" --capath "$WORK/cadir"
expect "--cacert: the CA's file" 0 "$OK_LINE" balance_as ok "${G[@]}" --cacert "$WORK/ca.pem"
expect "--capath without the CA: refused" 3 "$TLS_FAIL" balance_as ok "${G[@]}" --capath "$WORK/otherdir"
expect "--capath that does not exist: refused" 3 "$TLS_FAIL" \
	balance_as ok "${G[@]}" --capath "$WORK/no-such-dir"
expect "the system's CAs do not know this CA: refused" 3 "$TLS_FAIL" balance_as ok "${G[@]}"
expect "a certificate for another name: refused" 3 \
	"TC BALANCE UNKNOWN - DescribeAccountBalance: TLS failure with 127.0.0.1:$PORT_misnamed: *" \
	balance_as ok --endpoint "https://127.0.0.1:$PORT_misnamed" --capath "$WORK/cadir"

# traced FILE [options]: check_tc_balance against the good simulator, its file system
# calls written to FILE
traced() {
	local out=$1
	shift
	TENCENTCLOUD_SECRET_ID=$(key_id ok) TENCENTCLOUD_SECRET_KEY=$(key_secret ok) \
		strace -f -e trace=%file -o "$out" "$PLUGINS/check_tc_balance" "${G[@]}" "$@" >/dev/null 2>&1
}

# by default the hashed system directory is searched; the bundle file is not read
sysdir=/etc/ssl/certs
traced "$WORK/strace.out"
if grep -q "ca-certificates.crt" "$WORK/strace.out"; then
	not_ok "the system CA bundle file is not read" "$(grep ca-certificates.crt "$WORK/strace.out" | head -2)"
else
	ok "the system CA bundle file is not read"
fi
if grep -Eq "\"$sysdir/[0-9a-f]{8}\.[0-9]+\"" "$WORK/strace.out"; then
	ok "the system CA directory is searched by hashed name"
else
	not_ok "the system CA directory is searched" "$(grep -c /etc/ssl "$WORK/strace.out") file calls under /etc/ssl"
fi
# with --cacert, that file is what is read
traced "$WORK/strace2.out" --cacert "$WORK/ca.pem"
grep -q "\"$WORK/ca.pem\"" "$WORK/strace2.out" && ok "--cacert reads its file" || not_ok "--cacert reads its file"

# plain http:// only to loopback, or with --allow-insecure-http
start_sim plain http
INSECURE="TC BALANCE UNKNOWN - --endpoint http:// is for loopback only: use https://, or --allow-insecure-http to send the signed requests in clear"
expect "http:// to a remote host is refused" 3 "$INSECURE" balance_as ok --endpoint http://billing.tencentcloudapi.com
expect "http:// to a 127.* look-alike name is refused" 3 "$INSECURE" balance_as ok --endpoint http://127.0.0.1.example.com
expect "http:// to 127.0.0.1 is allowed" 0 "$OK_LINE" balance_as ok --endpoint "http://127.0.0.1:$PORT_plain"
expect "http:// to localhost is allowed" 0 "$OK_LINE" balance_as ok --endpoint "http://localhost:$PORT_plain"
expect "http:// elsewhere with --allow-insecure-http" 3 "TC BALANCE UNKNOWN - DescribeAccountBalance: cannot resolve billing.invalid: *" \
	balance_as ok --endpoint http://billing.invalid --allow-insecure-http
expect "https:// anywhere needs no option" 3 "TC BALANCE UNKNOWN - DescribeAccountBalance: cannot resolve billing.invalid: *" \
	balance_as ok --endpoint https://billing.invalid

finish
