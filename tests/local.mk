# SPDX-License-Identifier: GPL-3.0-or-later
# tests/: the unit tests (check), the integration tests (TAP shell scripts run against
# the simulator), the format and layout checks, and the fuzz harnesses' sources.
UNIT_TESTS = \
	tests/unit/test_allocation_logic \
	tests/unit/test_api \
	tests/unit/test_atomic \
	tests/unit/test_balance \
	tests/unit/test_balance_logic \
	tests/unit/test_cache \
	tests/unit/test_check \
	tests/unit/test_cloud_opts \
	tests/unit/test_cred \
	tests/unit/test_curl_lazy \
	tests/unit/test_deadline \
	tests/unit/test_decimal \
	tests/unit/test_discovery \
	tests/unit/test_error \
	tests/unit/test_funds \
	tests/unit/test_http \
	tests/unit/test_i18n \
	tests/unit/test_ini \
	tests/unit/test_jsonx \
	tests/unit/test_chat \
	tests/unit/test_chat_dingtalk \
	tests/unit/test_chat_lark \
	tests/unit/test_chat_slack \
	tests/unit/test_chat_webhook \
	tests/unit/test_chat_wecom \
	tests/unit/test_lark_logic \
	tests/unit/test_metrics \
	tests/unit/test_money \
	tests/unit/test_opts \
	tests/unit/test_orders \
	tests/unit/test_paging \
	tests/unit/test_pending_logic \
	tests/unit/test_plugin \
	tests/unit/test_range \
	tests/unit/test_readfile \
	tests/unit/test_renewals \
	tests/unit/test_renewals_logic \
	tests/unit/test_render_json \
	tests/unit/test_render_prom \
	tests/unit/test_result \
	tests/unit/test_retry \
	tests/unit/test_runway_logic \
	tests/unit/test_sign \
	tests/unit/test_spend \
	tests/unit/test_state \
	tests/unit/test_text \
	tests/unit/test_textfile \
	tests/unit/test_thresholds \
	tests/unit/test_timeutil \
	tests/unit/test_act_funds \
	tests/unit/test_act_orders \
	tests/unit/test_act_renewals \
	tests/unit/test_act_spend \
	tests/unit/test_act_vouchers \
	tests/unit/test_actions \
	tests/unit/test_scenario \
	tests/unit/test_serve \
	tests/unit/test_simdata \
	tests/unit/test_verify \
	tests/unit/test_vouchers \
	tests/unit/test_vouchers_logic
if BUILD_TESTS
check_PROGRAMS = $(UNIT_TESTS)
endif
# Every unit test is built alike, with automake's defaults for a program that names
# no flags of its own: AM_CPPFLAGS (Makefile.am) and this LDADD, which links the
# simulator's modules too (for their tests and for the API fixtures' round trips).
UNIT_LDADD = sim/libsim.a plugins/libplugins.a lib/libtcbilling.a $(CHECK_LIBS) $(MHD_LIBS) \
	$(LIBS_ALL) -lpthread
LDADD = $(UNIT_LDADD)
# the readers' tests make realloc fail on request (tests/unit/failalloc.h): they link
# with their realloc wrapped, the only flag a unit test adds
FAILALLOC_WRAP = -Wl,--wrap=realloc
tests_unit_test_funds_LDFLAGS = $(AM_LDFLAGS) $(FAILALLOC_WRAP)
tests_unit_test_orders_LDFLAGS = $(AM_LDFLAGS) $(FAILALLOC_WRAP)
tests_unit_test_renewals_LDFLAGS = $(AM_LDFLAGS) $(FAILALLOC_WRAP)
tests_unit_test_spend_LDFLAGS = $(AM_LDFLAGS) $(FAILALLOC_WRAP)
tests_unit_test_vouchers_LDFLAGS = $(AM_LDFLAGS) $(FAILALLOC_WRAP)

# every integration test but valgrind's, which cannot run ASan binaries
SANITIZER_INTEGRATION_TESTS = \
	tests/integration/allocation.sh \
	tests/integration/balance.sh \
	tests/integration/cache.sh \
	tests/integration/credentials.sh \
	tests/integration/curl_floor.sh \
	tests/integration/faults.sh \
	tests/integration/options.sh \
	tests/integration/pending.sh \
	tests/integration/renewals.sh \
	tests/integration/prometheus.sh \
	tests/integration/prometheus_e2e.sh \
	tests/integration/runway.sh \
	tests/integration/scale.sh \
	tests/integration/secrets.sh \
	tests/integration/secrets_notify.sh \
	tests/integration/skel.sh \
	tests/integration/trust.sh \
	tests/integration/vouchers.sh \
	tests/integration/zabbix.sh \
	tests/integration/lark.sh \
	tests/integration/chat.sh \
	tests/integration/nagios.sh \
	tests/integration/node_sdk.sh \
	tests/integration/zh.sh

# the sources' format does not depend on the build: checked once, not again with sanitizers
INTEGRATION_TESTS = $(SANITIZER_INTEGRATION_TESTS) tests/integration/valgrind.sh \
	tests/integration/zabbix_server.sh tests/format.sh tests/layout.sh
if BUILD_TESTS
TESTS = $(UNIT_TESTS) $(INTEGRATION_TESTS)
endif
# for a build with --enable-sanitizers
SANITIZER_TESTS = $(UNIT_TESTS) $(SANITIZER_INTEGRATION_TESTS)
LOG_DRIVER = env AM_TAP_AWK='$(AWK)' $(SHELL) $(top_srcdir)/build-aux/tap-driver.sh
SH_LOG_DRIVER = $(LOG_DRIVER)
TEST_EXTENSIONS = .sh
AM_TESTS_ENVIRONMENT = \
	top_srcdir='$(abs_top_srcdir)'; top_builddir='$(abs_top_builddir)'; \
	OPENSSL='$(OPENSSL)'; NODE='$(NODE)'; NPM='$(NPM)'; \
	export top_srcdir top_builddir OPENSSL NODE NPM; \
	SAMPLE_CC='$(CC)'; SAMPLE_LIBS='$(CHECK_LIBS) $(LIBS_ALL)'; \
	SAMPLE_CFLAGS='$(AM_CFLAGS) $(CFLAGS) $(CURL_CFLAGS) $(JSONC_CFLAGS) $(CRYPTO_CFLAGS) $(CHECK_CFLAGS)'; \
	export SAMPLE_CC SAMPLE_CFLAGS SAMPLE_LIBS;

EXTRA_DIST += \
	tests/unit/tap.h tests/unit/rendered.h tests/unit/simcall.h tests/unit/fixture.h \
	tests/unit/capture.h \
	tests/unit/utf8check.h tests/unit/replay.h tests/unit/failalloc.h \
	tests/data tests/lsan.supp \
	tests/integration/lib.sh tests/integration/sdk_client.js tests/integration/sdk_call.js tests/integration/lark_receiver.py tests/integration/chat_receiver.py \
	tests/integration/systemd_exec.py \
	tests/integration/zabbix_template.py tests/integration/monitor_results.py \
	tests/integration/zabbix_server.py \
	tests/integration/hostile.py \
	$(INTEGRATION_TESTS) \
	tests/fuzz/run tests/fuzz/fuzz_range.c tests/fuzz/fuzz_responses.c tests/fuzz/fuzz_config.c \
	tests/fuzz/fuzz_sim_request.c tests/fuzz/corpus

clean-local:
	rm -rf tests/node-sdk
