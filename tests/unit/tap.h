/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs one check suite with TAP output on stdout, for automake's tap-driver. */
#ifndef TC_TEST_TAP_H
#define TC_TEST_TAP_H

#include <check.h>
#include <stdlib.h>

static inline int tc_run_suite(Suite *s) {
	SRunner *sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#define TC_TEST_MAIN(make_suite)                                                                   \
	int main(void) {                                                                           \
		return tc_run_suite(make_suite());                                                 \
	}

#endif
