/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tencentcloud/cred.h"

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <json-c/json.h>
#include <openssl/crypto.h>

#include "i18n.h"
#include "ini.h"
#include "jsonx.h"
#include "readfile.h"

#define METADATA_BUDGET_MS 2000
#define METADATA_MAX_BODY  (64 * 1024) /* a role name, or a key and its token */

void tc_credentials_protect_process(void) {
	struct rlimit none = {0, 0};
	setrlimit(RLIMIT_CORE, &none);
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

/* json-c frees its strings without clearing them: the secrets among them are
 * overwritten first. */
static void wipe_json_string(struct json_object *obj, const char *key) {
	struct json_object *v = NULL;
	if (json_object_object_get_ex(obj, key, &v) && json_object_is_type(v, json_type_string)) {
		OPENSSL_cleanse((char *)json_object_get_string(v),
				(size_t)json_object_get_string_len(v));
	}
}

void tc_credentials_wipe(struct tc_credentials *c) {
	OPENSSL_cleanse(c, sizeof *c);
}

static int copy_field(char *dst, size_t size, const char *value, const char *what,
		      const char *where, struct tc_error *err) {
	if (!value || !*value) {
		return tc_error_set(err, TC_ERR_CREDENTIALS, _("%s has no %s"), where, what);
	}
	if (strlen(value) >= size) {
		return tc_error_set(err, TC_ERR_CREDENTIALS, _("%s: %s is too long"), where, what);
	}
	strcpy(dst, value);
	return 0;
}

int tc_credentials_from_ini(const char *path, struct tc_credentials *out, struct tc_error *err) {
	struct tc_ini ini;
	memset(out, 0, sizeof *out);
	if (tc_ini_load(path, &ini, err) != 0) {
		err->kind = TC_ERR_CREDENTIALS;
		return -1;
	}
	char where[512];
	snprintf(where, sizeof where, "%s [default]", path);
	const char *token = tc_ini_get(&ini, "default", "token");
	int rc = copy_field(out->secret_id, sizeof out->secret_id,
			    tc_ini_get(&ini, "default", "secret_id"), "secret_id", where, err);
	if (rc == 0) {
		rc =
		    copy_field(out->secret_key, sizeof out->secret_key,
			       tc_ini_get(&ini, "default", "secret_key"), "secret_key", where, err);
	}
	if (rc == 0 && token && *token) {
		rc = copy_field(out->token, sizeof out->token, token, "token", where, err);
	}
	for (size_t i = 0; i < ini.n; i++) {
		if (ini.entries[i].value) {
			OPENSSL_cleanse(ini.entries[i].value, strlen(ini.entries[i].value));
		}
	}
	tc_ini_free(&ini);
	if (rc == 0) {
		snprintf(out->source, sizeof out->source, "%.150s", path);
	}
	return rc;
}

static int from_json_object(struct json_object *obj, const char *id_key, const char *key_key,
			    const char *token_key, const char *where, struct tc_credentials *out,
			    struct tc_error *err) {
	const char *id = NULL, *key = NULL, *token = NULL;
	if (tc_json_string(obj, id_key, TC_OPTIONAL, &id, err) != 0 ||
	    tc_json_string(obj, key_key, TC_OPTIONAL, &key, err) != 0 ||
	    tc_json_string(obj, token_key, TC_OPTIONAL, &token, err) != 0) {
		err->kind = TC_ERR_CREDENTIALS;
		return tc_error_prefix(err, "%s", where);
	}
	if (copy_field(out->secret_id, sizeof out->secret_id, id, id_key, where, err) != 0 ||
	    copy_field(out->secret_key, sizeof out->secret_key, key, key_key, where, err) != 0) {
		return -1;
	}
	if (token && *token) {
		return copy_field(out->token, sizeof out->token, token, token_key, where, err);
	}
	return 0;
}

int tc_credentials_from_tccli(const char *path, struct tc_credentials *out, struct tc_error *err) {
	size_t len = 0;
	struct json_object *obj = NULL;
	memset(out, 0, sizeof *out);
	char *text = tc_read_file(path, 64 * 1024, &len, err);
	if (!text) {
		err->kind = TC_ERR_CREDENTIALS;
		return -1;
	}
	int rc = tc_json_parse(text, len, &obj, err);
	OPENSSL_cleanse(text, len);
	free(text);
	if (rc != 0) {
		err->kind = TC_ERR_CREDENTIALS;
		return tc_error_prefix(err, "%s", path);
	}
	rc = from_json_object(obj, "secretId", "secretKey", "token", path, out, err);
	wipe_json_string(obj, "secretKey");
	wipe_json_string(obj, "token");
	json_object_put(obj);
	if (rc == 0) {
		snprintf(out->source, sizeof out->source, "%.150s", path);
	}
	return rc;
}

int tc_credentials_from_role_json(const char *body, size_t len, struct tc_credentials *out,
				  struct tc_error *err) {
	struct json_object *obj = NULL;
	const char *code = NULL;
	memset(out, 0, sizeof *out);
	if (tc_json_parse(body, len, &obj, err) != 0) {
		err->kind = TC_ERR_CREDENTIALS;
		return tc_error_prefix(err, _("CVM role credentials"));
	}
	int rc = tc_json_string(obj, "Code", TC_OPTIONAL, &code, err);
	if (rc == 0 && (!code || strcmp(code, "Success") != 0)) {
		rc = tc_error_set(err, TC_ERR_CREDENTIALS, _("CVM role credentials: Code is %.40s"),
				  code ? code : "missing");
	}
	if (rc == 0) {
		rc = from_json_object(obj, "TmpSecretId", "TmpSecretKey", "Token",
				      _("CVM role credentials"), out, err);
	}
	wipe_json_string(obj, "TmpSecretKey");
	wipe_json_string(obj, "Token");
	json_object_put(obj);
	return rc;
}

static int metadata_get(struct tc_http *http, const char *url, struct tc_http_response *resp,
			struct tc_error *err) {
	tc_http_set_cap_ms(http, METADATA_BUDGET_MS);
	tc_http_set_body_cap(http, METADATA_MAX_BODY);
	tc_http_set_private(http, true);
	int rc = tc_http_request(http, "GET", url, NULL, 0, NULL, 0, resp, err);
	tc_http_set_private(http, false);
	tc_http_set_body_cap(http, 0);
	tc_http_set_cap_ms(http, 0);
	if (rc != 0 && err->kind == TC_ERR_TIMEOUT) {
		/* the run's deadline is not spent: the metadata service did not answer */
		return tc_error_set(err, TC_ERR_CREDENTIALS, _("no answer within %d ms from %s"),
				    METADATA_BUDGET_MS, url);
	}
	return rc;
}

static int from_cvm_role(const struct tc_cred_opts *o, struct tc_credentials *out,
			 struct tc_error *err) {
	const char *base = o->metadata_url ? o->metadata_url : TC_METADATA_URL;
	char url[1024];
	struct tc_http_response resp;
	if (!o->http) {
		return tc_error_set(err, TC_ERR_CREDENTIALS, _("no HTTP client"));
	}
	snprintf(url, sizeof url, "%s/latest/meta-data/cam/security-credentials/", base);
	if (metadata_get(o->http, url, &resp, err) != 0) {
		return -1;
	}
	if (resp.status != 200) {
		long status = resp.status;
		tc_http_response_free(&resp);
		return tc_error_set(err, TC_ERR_CREDENTIALS, _("%s: HTTP %ld (no role bound)"),
				    base, status);
	}
	char role[256];
	snprintf(role, sizeof role, "%.*s", (int)strcspn(resp.body, "\r\n"), resp.body);
	tc_http_response_free(&resp);
	if (!role[0] || strpbrk(role, "/?#% ")) {
		return tc_error_set(err, TC_ERR_CREDENTIALS, _("%s: invalid role name"), base);
	}
	snprintf(url, sizeof url, "%s/latest/meta-data/cam/security-credentials/%s", base, role);
	if (metadata_get(o->http, url, &resp, err) != 0) {
		return -1;
	}
	int rc;
	if (resp.status != 200) {
		rc = tc_error_set(err, TC_ERR_CREDENTIALS, _("%s: HTTP %ld for role %s"), base,
				  resp.status, role);
	} else {
		rc = tc_credentials_from_role_json(resp.body, resp.len, out, err);
	}
	OPENSSL_cleanse(resp.body, resp.len);
	tc_http_response_free(&resp);
	if (rc == 0) {
		snprintf(out->source, sizeof out->source, "CVM role %.100s", role);
	}
	return rc;
}

static const char *home_dir(const struct tc_cred_opts *o) {
	if (o->home) {
		return o->home;
	}
	const char *h = getenv("HOME");
	if (h && *h) {
		return h;
	}
	struct passwd *pw = getpwuid(getuid());
	return pw ? pw->pw_dir : "/";
}

static int from_env(struct tc_credentials *out, bool *found, struct tc_error *err) {
	const char *id = getenv("TENCENTCLOUD_SECRET_ID");
	const char *key = getenv("TENCENTCLOUD_SECRET_KEY");
	const char *token = getenv("TENCENTCLOUD_SESSION_TOKEN");
	bool has_id = id && *id, has_key = key && *key;
	*found = false;
	if (!has_id && !has_key) {
		return 0;
	}
	if (!has_id || !has_key) {
		return tc_error_set(err, TC_ERR_CREDENTIALS, _("%s is set but %s is not"),
				    has_id ? "TENCENTCLOUD_SECRET_ID" : "TENCENTCLOUD_SECRET_KEY",
				    has_id ? "TENCENTCLOUD_SECRET_KEY" : "TENCENTCLOUD_SECRET_ID");
	}
	if (!token || !*token) {
		token = getenv("TENCENTCLOUD_TOKEN");
	}
	if (copy_field(out->secret_id, sizeof out->secret_id, id, _("secret id"), _("environment"),
		       err) != 0 ||
	    copy_field(out->secret_key, sizeof out->secret_key, key, _("secret key"),
		       _("environment"), err) != 0) {
		return -1;
	}
	if (token && *token &&
	    copy_field(out->token, sizeof out->token, token, "token", _("environment"), err) != 0) {
		return -1;
	}
	snprintf(out->source, sizeof out->source, "environment");
	*found = true;
	return 0;
}

int tc_credentials_load(const struct tc_cred_opts *o, struct tc_credentials *out,
			struct tc_error *err) {
	char path[1024];
	char metadata_failure[256];
	bool found = false;
	memset(out, 0, sizeof *out);

	if (o->credentials_file) {
		return tc_credentials_from_ini(o->credentials_file, out, err);
	}
	if (from_env(out, &found, err) != 0 || found) {
		return found ? 0 : -1;
	}
	if (o->profile) {
		if (!*o->profile || strchr(o->profile, '/')) {
			return tc_error_set(err, TC_ERR_USAGE, _("invalid profile name '%s'"),
					    o->profile);
		}
		snprintf(path, sizeof path, "%s/.tccli/%s.credential", home_dir(o), o->profile);
		return tc_credentials_from_tccli(path, out, err);
	}
	snprintf(path, sizeof path, "%s/.tencentcloud/credentials", home_dir(o));
	if (access(path, F_OK) == 0) {
		return tc_credentials_from_ini(path, out, err);
	}
	if (from_cvm_role(o, out, err) == 0) {
		return 0;
	}
	snprintf(metadata_failure, sizeof metadata_failure, "%.200s", err->message);
	return tc_error_set(err, TC_ERR_CREDENTIALS,
			    _("no credentials found: --credentials-file not given; "
			      "TENCENTCLOUD_SECRET_ID/TENCENTCLOUD_SECRET_KEY not set; --profile "
			      "not given; %s not found; CVM role: %s"),
			    path, metadata_failure);
}

int tc_credentials_file_too_open(const char *path) {
	struct stat st;
	if (stat(path, &st) != 0) {
		return 0;
	}
	return (st.st_mode & (S_IRWXG | S_IRWXO)) != 0;
}
