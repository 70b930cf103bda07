/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer: the ini parser (credentials files, --extra-opts) and the CVM role
 * credentials JSON. */
#include <stdint.h>

#include "tencentcloud/cred.h"
#include "ini.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
	struct tc_ini ini;
	struct tc_error err;
	struct tc_credentials c;
	if (tc_ini_parse((const char *)data, size, &ini, &err) == 0) {
		(void)tc_ini_get(&ini, "default", "secret_id");
		(void)tc_ini_has_section(&ini, "check_tc_balance");
		tc_ini_free(&ini);
	}
	tc_credentials_from_role_json((const char *)data, size, &c, &err);
	return 0;
}
