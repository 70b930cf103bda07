/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Where the API key comes from, first found wins:
 *   --credentials-file (INI [default] secret_id/secret_key/token)
 *   TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY (+ TENCENTCLOUD_SESSION_TOKEN or
 *     tccli's TENCENTCLOUD_TOKEN)
 *   --profile NAME: tccli's ~/.tccli/NAME.credential
 *   ~/.tencentcloud/credentials
 *   the CVM instance role, from the metadata service
 * A source that is named or present but broken is an error, not a reason to fall
 * through to the next one. */
#ifndef TC_CRED_H
#define TC_CRED_H

#include "error.h"
#include "http.h"

struct tc_credentials {
	char secret_id[1100];
	char secret_key[1100];
	char token[4200]; /* "" for a permanent key */
	char source[160]; /* where it was found, for -v output */
};

struct tc_cred_opts {
	const char *credentials_file; /* --credentials-file, or NULL */
	const char *profile;          /* --profile, or NULL */
	const char *home;             /* NULL: $HOME */
	const char *metadata_url;     /* NULL: http://metadata.tencentyun.com */
	struct tc_http *http;         /* for the metadata service */
};

#define TC_METADATA_URL "http://metadata.tencentyun.com"

int tc_credentials_load(const struct tc_cred_opts *o, struct tc_credentials *out,
			struct tc_error *err);

/* Parsers for each file format, exposed for tests. */
int tc_credentials_from_ini(const char *path, struct tc_credentials *out, struct tc_error *err);
int tc_credentials_from_tccli(const char *path, struct tc_credentials *out, struct tc_error *err);
int tc_credentials_from_role_json(const char *body, size_t len, struct tc_credentials *out,
				  struct tc_error *err);

/* Keeps the key out of core dumps and away from other processes of the same user
 * (ptrace, /proc/PID/mem): not dumpable, core size 0. Called before any is loaded. */
void tc_credentials_protect_process(void);

/* Overwrites the secrets in memory. */
void tc_credentials_wipe(struct tc_credentials *c);

/* Warns (returns 1) when a credentials file can be read by group or others. */
int tc_credentials_file_too_open(const char *path);

#endif
