# SPDX-License-Identifier: GPL-3.0-or-later
# plugins/: the programs, thin, and their decision logic (pure functions) in a library
# that the programs and their unit tests link.
noinst_LIBRARIES += plugins/libplugins.a
# decision logic of the checks, linked by the programs and their unit tests
plugins_libplugins_a_SOURCES = \
	plugins/allocation_logic.c plugins/allocation_logic.h \
	plugins/balance_logic.c plugins/balance_logic.h \
	plugins/chat.c plugins/chat.h \
	plugins/chat_dingtalk.c plugins/chat_dingtalk.h \
	plugins/chat_lark.c \
	plugins/chat_slack.c plugins/chat_slack.h \
	plugins/chat_webhook.c plugins/chat_webhook.h \
	plugins/chat_wecom.c plugins/chat_wecom.h \
	plugins/lark_logic.c plugins/lark_logic.h \
	plugins/pending_logic.c plugins/pending_logic.h \
	plugins/renewals_logic.c plugins/renewals_logic.h \
	plugins/runway_logic.c plugins/runway_logic.h \
	plugins/vouchers_logic.c plugins/vouchers_logic.h

plugin_PROGRAMS = \
	plugins/check_tc_allocation \
	plugins/check_tc_balance \
	plugins/check_tc_pending \
	plugins/check_tc_renewals \
	plugins/check_tc_runway \
	plugins/check_tc_vouchers \
	plugins/notify_tc_chat \
	plugins/notify_tc_lark
PLUGIN_LDADD = plugins/libplugins.a lib/libtcbilling.a $(LIBS_ALL)
plugins_check_tc_allocation_LDADD = $(PLUGIN_LDADD)
plugins_check_tc_balance_LDADD = $(PLUGIN_LDADD)
plugins_check_tc_pending_LDADD = $(PLUGIN_LDADD)
plugins_check_tc_renewals_LDADD = $(PLUGIN_LDADD)
plugins_check_tc_runway_LDADD = $(PLUGIN_LDADD)
plugins_check_tc_vouchers_LDADD = $(PLUGIN_LDADD)
plugins_notify_tc_chat_LDADD = $(PLUGIN_LDADD)
# notify_tc_lark is notify_tc_chat for Lark alone, with its [lark] section and TC_LARK_*
plugins_notify_tc_lark_SOURCES = plugins/notify_tc_chat.c
plugins_notify_tc_lark_CPPFLAGS = $(AM_CPPFLAGS) -DNOTIFY_TC_LARK
plugins_notify_tc_lark_LDADD = $(PLUGIN_LDADD)
EXTRA_DIST += \
	plugins/check_tc_skel.c.sample plugins/skel_logic.c.sample plugins/skel_logic.h.sample \
	plugins/test_skel_logic.c.sample
