# SPDX-License-Identifier: GPL-3.0-or-later
# sim/: tc_billing_sim, the local simulator of the APIs (libmicrohttpd).
# Built with --enable-simulator (the default where libmicrohttpd is found); installed
# only with --enable-simulator-install, and then without the test scenarios and
# their keys: only the demo scenario goes, into $(simdatadir).
if BUILD_SIMULATOR
noinst_LIBRARIES += sim/libsim.a
if INSTALL_SIMULATOR
bin_PROGRAMS = sim/tc_billing_sim
simdatadir = $(datadir)/tc-billing-sim
dist_simdata_DATA = sim/scenarios/demo.json
else
noinst_PROGRAMS += sim/tc_billing_sim
endif
# the simulator's modules, in a library for the program and its unit tests
sim_libsim_a_SOURCES = \
	sim/scenario.c sim/scenario.h \
	sim/verify.c sim/verify.h \
	sim/serve.c sim/serve.h \
	sim/actions.c sim/actions.h \
	sim/act_funds.c sim/act_orders.c sim/act_spend.c sim/act_vouchers.c \
	sim/act_renewals.c \
	sim/simdata.c
sim_libsim_a_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/sim $(MHD_CFLAGS)
SIM_LDADD = sim/libsim.a lib/libtcbilling.a $(MHD_LIBS) $(LIBS_ALL) -lpthread
sim_tc_billing_sim_SOURCES = sim/tc_billing_sim.c
sim_tc_billing_sim_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/sim $(MHD_CFLAGS)
sim_tc_billing_sim_LDADD = $(SIM_LDADD)
endif
EXTRA_DIST += sim/scenarios/demo.json sim/scenarios/tests.json \
	sim/scenarios/keys.sh sim/scenarios/README.md
