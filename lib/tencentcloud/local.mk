# SPDX-License-Identifier: GPL-3.0-or-later
# lib/tencentcloud/: signing, calling and reading the Tencent Cloud APIs, the cloud
# options and the glue of the kit's runner (tc_check_main); in lib/libtcbilling.a.
lib_libtcbilling_a_SOURCES += \
	lib/tencentcloud/api.c lib/tencentcloud/api.h \
	lib/tencentcloud/balance.c lib/tencentcloud/balance.h \
	lib/tencentcloud/cache.c lib/tencentcloud/cache.h \
	lib/tencentcloud/check.c lib/tencentcloud/check.h \
	lib/tencentcloud/cloud_opts.c lib/tencentcloud/cloud_opts.h \
	lib/tencentcloud/cred.c lib/tencentcloud/cred.h \
	lib/tencentcloud/funds.c lib/tencentcloud/funds.h \
	lib/tencentcloud/metrics.c lib/tencentcloud/metrics.h \
	lib/tencentcloud/orders.c lib/tencentcloud/orders.h \
	lib/tencentcloud/paging.c lib/tencentcloud/paging.h \
	lib/tencentcloud/renewals.c lib/tencentcloud/renewals.h \
	lib/tencentcloud/sign.c lib/tencentcloud/sign.h \
	lib/tencentcloud/spend.c lib/tencentcloud/spend.h \
	lib/tencentcloud/vouchers.c lib/tencentcloud/vouchers.h
