# SPDX-License-Identifier: GPL-3.0-or-later
# man/: one page per program, made by help2man from its --help when it is built, so the
# pages say what the programs say (--disable-man, or no help2man: none are made).
MAN_PAGES = \
	man/check_tc_allocation.1 \
	man/check_tc_balance.1 \
	man/check_tc_pending.1 \
	man/check_tc_renewals.1 \
	man/check_tc_runway.1 \
	man/check_tc_vouchers.1 \
	man/notify_tc_lark.1 \
	man/notify_tc_chat.1
SBIN_MAN_PAGES = man/tc-billing-textfiles.8
SIM_MAN_PAGES = man/tc_billing_sim.1
if BUILD_MAN
man1_MANS = $(MAN_PAGES)
man8_MANS = $(SBIN_MAN_PAGES)
if INSTALL_SIMULATOR
man1_MANS += $(SIM_MAN_PAGES)
endif
endif
CLEANFILES += $(MAN_PAGES) $(SBIN_MAN_PAGES) $(SIM_MAN_PAGES)
# help2man's sections beyond --help: the bug address, licence and related pages
MAN_INCLUDE = $(srcdir)/man/common.h2m
EXTRA_DIST += man/common.h2m
help2man = $(AM_V_GEN)$(MKDIR_P) man && $(HELP2MAN) --no-info --section=1 \
	--version-string='$(PACKAGE_VERSION)' --source='$(PACKAGE_NAME)' \
	--manual='tc-billing-plugins' --include='$(MAN_INCLUDE)' --output=$@.tmp
man/check_tc_allocation.1: plugins/check_tc_allocation$(EXEEXT) $(MAN_INCLUDE)
	$(help2man) --name='Tencent Cloud funds left unallocated to members or customers' \
		plugins/check_tc_allocation$(EXEEXT) && mv $@.tmp $@
man/check_tc_balance.1: plugins/check_tc_balance$(EXEEXT) $(MAN_INCLUDE)
	$(help2man) --name='Tencent Cloud account balance and arrears' \
		plugins/check_tc_balance$(EXEEXT) && mv $@.tmp $@
man/check_tc_pending.1: plugins/check_tc_pending$(EXEEXT) $(MAN_INCLUDE)
	$(help2man) --name='Tencent Cloud orders left unpaid or stuck in payment' \
		plugins/check_tc_pending$(EXEEXT) && mv $@.tmp $@
man/check_tc_renewals.1: plugins/check_tc_renewals$(EXEEXT) $(MAN_INCLUDE)
	$(help2man) --name='Tencent Cloud prepaid instances due for renewal or isolated' \
		plugins/check_tc_renewals$(EXEEXT) && mv $@.tmp $@
man/check_tc_runway.1: plugins/check_tc_runway$(EXEEXT) $(MAN_INCLUDE)
	$(help2man) --name='days until a Tencent Cloud account runs out of money' \
		plugins/check_tc_runway$(EXEEXT) && mv $@.tmp $@
man/check_tc_vouchers.1: plugins/check_tc_vouchers$(EXEEXT) $(MAN_INCLUDE)
	$(help2man) --name='Tencent Cloud vouchers that expire soon' \
		plugins/check_tc_vouchers$(EXEEXT) && mv $@.tmp $@
man/notify_tc_lark.1: plugins/notify_tc_lark$(EXEEXT) $(MAN_INCLUDE)
	$(help2man) --name='send Nagios, Icinga 2 and Zabbix notifications to Lark' \
		plugins/notify_tc_lark$(EXEEXT) && mv $@.tmp $@
man/notify_tc_chat.1: plugins/notify_tc_chat$(EXEEXT) $(MAN_INCLUDE)
	$(help2man) --name='send Nagios, Icinga 2 and Zabbix notifications to Lark, WeCom, DingTalk, Slack or a webhook' \
		plugins/notify_tc_chat$(EXEEXT) && mv $@.tmp $@
man/tc-billing-textfiles.8: prometheus/tc-billing-textfiles $(MAN_INCLUDE)
	$(help2man) --section=8 --name='refresh the node_exporter textfiles of Tencent Cloud accounts' \
		prometheus/tc-billing-textfiles && mv $@.tmp $@
man/tc_billing_sim.1: sim/tc_billing_sim$(EXEEXT) $(MAN_INCLUDE)
	$(help2man) --name='local simulator of the Tencent Cloud billing APIs' \
		sim/tc_billing_sim$(EXEEXT) && mv $@.tmp $@
