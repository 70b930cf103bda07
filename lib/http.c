/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <config.h>

#include "http.h"

#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "curl_lazy.h"
#include "i18n.h"

struct tc_http {
	const struct tc_curl *c;
	CURL *curl;
	struct tc_http_opts opts;
	char errbuf[CURL_ERROR_SIZE];
	long cap_ms;
	size_t body_cap;       /* 0: opts.max_body */
	bool private_mode;     /* direct, and the answer never traced */
	CURLcode setopt_rc;    /* the first option libcurl refused, CURLE_OK if none */
	CURLoption setopt_bad; /* which one */
	bool system_checked;   /* system_dir below is decided */
	char system_dir[1024]; /* the system's CA directory if usable alone, else "" */
};

bool tc_ca_dir_usable(const char *dir) {
	DIR *d = opendir(dir);
	bool found = false;
	if (!d) {
		return false;
	}
	for (struct dirent *de = readdir(d); de && !found; de = readdir(d)) {
		const char *n = de->d_name;
		int i = 0;
		while (i < 8 && isxdigit((unsigned char)n[i])) {
			i++;
		}
		found = i == 8 && n[8] == '.' && isdigit((unsigned char)n[9]);
	}
	closedir(d);
	return found;
}

/* Every option is checked: one libcurl refuses (an old or oddly built one) would
 * otherwise be a request made without the protection it gives. The first refusal is
 * kept and fails the request before it is sent. */
static void check_set(struct tc_http *h, CURLoption opt, CURLcode rc) {
	if (rc != CURLE_OK && h->setopt_rc == CURLE_OK) {
		h->setopt_rc = rc;
		h->setopt_bad = opt;
	}
}

#define SET(h, opt, value) check_set((h), (opt), (h)->c->easy_setopt((h)->curl, (opt), (value)))

/* Which certificates the API's is verified with. --cacert: that bundle (and
 * --capath or libcurl's default directory). Otherwise a CA directory alone: the one
 * --capath names, or the system's when it has hashed names. libcurl as Debian builds
 * it would also read its whole CA bundle file on every run, some 140 certificates
 * that cost OpenSSL 3.0 about 240 million instructions, eight times all the rest of
 * a run (callgrind); the directory gives the same trust and only the issuer's file is
 * read. */
static void set_trust(struct tc_http *h, CURL *c) {
	const char *dir = h->opts.capath;
	if (h->opts.cacert) {
		SET(h, CURLOPT_CAINFO, h->opts.cacert);
		if (dir) {
			SET(h, CURLOPT_CAPATH, dir);
		}
		return;
	}
	if (!dir) {
		if (!h->system_checked) { /* once per client: it reads the directory */
			char *system = NULL;
			if (h->c->easy_getinfo(c, CURLINFO_CAPATH, &system) == CURLE_OK && system &&
			    tc_ca_dir_usable(system)) {
				snprintf(h->system_dir, sizeof h->system_dir, "%s", system);
			}
			h->system_checked = true;
		}
		dir = h->system_dir[0] ? h->system_dir : NULL;
	}
	if (dir) {
		SET(h, CURLOPT_CAINFO, (char *)NULL);
		SET(h, CURLOPT_CAPATH, dir);
	}
}

/* http and https only (no file://, no redirect to another scheme). libcurl 7.85,
 * the floor curl_lazy.c holds the loaded library to, names them. */
static void restrict_protocols(struct tc_http *h) {
	SET(h, CURLOPT_PROTOCOLS_STR, "http,https");
}

struct sink {
	char *buf;
	size_t len;
	size_t cap;
	size_t max;
	bool overflow;
	bool wipe; /* a key: no copy left behind when the buffer grows */
};

static size_t on_data(char *ptr, size_t size, size_t nmemb, void *userdata) {
	struct sink *s = userdata;
	size_t n = size * nmemb;
	if (s->len + n > s->max) {
		s->overflow = true;
		return 0; /* aborts the transfer */
	}
	if (s->len + n + 1 > s->cap) {
		size_t cap = s->cap ? s->cap : 4096;
		while (cap < s->len + n + 1) {
			cap *= 2;
		}
		char *grown = s->wipe ? malloc(cap) : realloc(s->buf, cap);
		if (!grown) {
			return 0;
		}
		if (s->wipe && s->buf) {
			memcpy(grown, s->buf, s->len);
			OPENSSL_cleanse(s->buf, s->cap);
			free(s->buf);
		}
		s->buf = grown;
		s->cap = cap;
	}
	memcpy(s->buf + s->len, ptr, n);
	s->len += n;
	s->buf[s->len] = '\0';
	return n;
}

struct tc_http *tc_http_new(const struct tc_http_opts *opts, struct tc_error *err) {
	struct tc_http *h = calloc(1, sizeof *h);
	if (!h) {
		tc_error_set(err, TC_ERR_INTERNAL, _("out of memory"));
		return NULL;
	}
	h->opts = *opts;
	if (!h->opts.max_body) {
		h->opts.max_body = TC_HTTP_MAX_BODY;
	}
	return h;
}

void tc_http_free(struct tc_http *http) {
	if (http) {
		if (http->curl) {
			http->c->easy_cleanup(http->curl);
		}
		free(http);
	}
}

void tc_http_set_cap_ms(struct tc_http *http, long ms) {
	http->cap_ms = ms;
}

void tc_http_set_body_cap(struct tc_http *http, size_t bytes) {
	http->body_cap = bytes;
}

void tc_http_set_private(struct tc_http *http, bool on) {
	http->private_mode = on;
}

int tc_http_check_proxy(const char *proxy, struct tc_error *err) {
	const char *p = strstr(proxy, "://");
	p = p ? p + 3 : proxy;
	size_t n = strcspn(p, "/?#");
	if (memchr(p, '@', n)) {
		/* the value is not echoed: it holds a password */
		return tc_error_set(err, TC_ERR_USAGE,
				    _("--proxy must not carry a user name or password (every user "
				      "of the machine can read the command line): set them in the "
				      "https_proxy environment variable, or put proxy= in an "
				      "--extra-opts file"));
	}
	return 0;
}

void tc_http_response_free(struct tc_http_response *resp) {
	free(resp->body);
	resp->body = NULL;
	resp->len = 0;
}

int tc_url_host(const char *url, char *buf, size_t size) {
	const char *p = strstr(url, "://");
	if (!p) {
		return -1;
	}
	p += 3;
	size_t n = strcspn(p, "/?#");
	if (n == 0 || n >= size || memchr(p, '@', n)) {
		return -1;
	}
	memcpy(buf, p, n);
	buf[n] = '\0';
	return 0;
}

static void trace_request(const struct tc_http *h, const char *method, const char *url,
			  const struct tc_http_header *headers, size_t n, const char *body,
			  size_t body_len) {
	FILE *t = h->opts.trace;
	fprintf(t, "> %s %s\n", method, url);
	for (size_t i = 0; i < n; i++) {
		fprintf(t, "> %s: %s\n", headers[i].name,
			headers[i].secret ? "(redacted)" : headers[i].value);
	}
	if (body) {
		fprintf(t, "> %.*s\n", (int)(body_len > 4096 ? 4096 : body_len), body);
	}
}

static int map_curl_error(const struct tc_http *h, CURLcode rc, const char *url,
			  const struct sink *s, struct tc_error *err) {
	char host[256] = "?";
	tc_url_host(url, host, sizeof host);
	const char *detail = h->errbuf[0] ? h->errbuf : h->c->easy_strerror(rc);
	switch (rc) {
	case CURLE_OPERATION_TIMEDOUT:
		return tc_error_set(err, TC_ERR_TIMEOUT, _("timed out after %d s waiting for %s"),
				    h->opts.deadline ? h->opts.deadline->seconds : 0, host);
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_RESOLVE_PROXY:
		return tc_error_set(err, TC_ERR_NETWORK, _("cannot resolve %s: %s"), host, detail);
	case CURLE_COULDNT_CONNECT:
		return tc_error_set(err, TC_ERR_NETWORK, _("cannot connect to %s: %s"), host,
				    detail);
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_ISSUER_ERROR:
		return tc_error_set(err, TC_ERR_TLS, _("TLS failure with %s: %s"), host, detail);
	case CURLE_WRITE_ERROR:
		if (s->overflow) {
			return tc_error_set(err, TC_ERR_HTTP,
					    _("response from %s larger than %zu bytes"), host,
					    s->max);
		}
		return tc_error_set(err, TC_ERR_INTERNAL, _("out of memory reading %s"), host);
	case CURLE_RECV_ERROR:
	case CURLE_SEND_ERROR:
	case CURLE_GOT_NOTHING:
	case CURLE_PARTIAL_FILE:
		tc_error_set(err, TC_ERR_NETWORK, _("connection to %s broke: %s"), host, detail);
		err->retryable = true;
		return -1;
	default:
		return tc_error_set(err, TC_ERR_NETWORK, _("request to %s failed: %s"), host,
				    detail);
	}
}

int tc_http_request(struct tc_http *h, const char *method, const char *url,
		    const struct tc_http_header *headers, size_t nheaders, const char *body,
		    size_t body_len, struct tc_http_response *resp, struct tc_error *err) {
	struct curl_slist *list = NULL;
	/* libcurl is loaded by the first request of a run, not before */
	if (!h->curl) {
		if (!(h->c = tc_curl_load(err))) {
			return -1;
		}
		if (!(h->curl = h->c->easy_init())) {
			return tc_error_set(err, TC_ERR_INTERNAL, _("cannot initialise libcurl"));
		}
	}
	CURL *c = h->curl;
	struct sink s = {.max = h->body_cap ? h->body_cap : h->opts.max_body,
			 .wipe = h->private_mode};
	memset(resp, 0, sizeof *resp);

	int64_t left = h->opts.deadline ? tc_deadline_left_ms(h->opts.deadline) : 10000;
	if (h->cap_ms > 0 && left > h->cap_ms) {
		left = h->cap_ms;
	}
	if (left <= 0) {
		return tc_error_set(err, TC_ERR_TIMEOUT, _("timed out after %d s"),
				    h->opts.deadline ? h->opts.deadline->seconds : 0);
	}
	for (size_t i = 0; i < nheaders; i++) {
		char line[8192];
		snprintf(line, sizeof line, "%s: %s", headers[i].name, headers[i].value);
		struct curl_slist *grown = h->c->slist_append(list, line);
		OPENSSL_cleanse(line, sizeof line);
		if (!grown) {
			h->c->slist_free_all(list);
			return tc_error_set(err, TC_ERR_INTERNAL, _("out of memory"));
		}
		list = grown;
	}
	/* libcurl would add "Expect: 100-continue" for large bodies */
	list = h->c->slist_append(list, "Expect:");
	if (h->opts.verbose >= 3 && h->opts.trace) {
		trace_request(h, method, url, headers, nheaders, body, body_len);
	}

	h->errbuf[0] = '\0';
	h->c->easy_reset(c);
	h->setopt_rc = CURLE_OK;
	SET(h, CURLOPT_URL, url);
	SET(h, CURLOPT_ERRORBUFFER, h->errbuf);
	SET(h, CURLOPT_NOSIGNAL, 1L);
	restrict_protocols(h);
	SET(h, CURLOPT_FOLLOWLOCATION, 0L);
	SET(h, CURLOPT_SSL_VERIFYPEER, 1L);
	SET(h, CURLOPT_SSL_VERIFYHOST, 2L);
	SET(h, CURLOPT_TIMEOUT_MS, (long)left);
	SET(h, CURLOPT_CONNECTTIMEOUT_MS, (long)left);
	SET(h, CURLOPT_HTTPHEADER, list);
	SET(h, CURLOPT_WRITEFUNCTION, on_data);
	SET(h, CURLOPT_WRITEDATA, &s);
	SET(h, CURLOPT_USERAGENT, "tc-billing-plugins/" PACKAGE_VERSION);
	set_trust(h, c);
	if (h->private_mode) {
		/* the metadata service: plain HTTP on the host's own network, whose answer
		 * is a key; no proxy (option or environment) may see it */
		SET(h, CURLOPT_PROXY, "");
		SET(h, CURLOPT_NOPROXY, "*");
	} else if (h->opts.proxy) {
		SET(h, CURLOPT_PROXY, h->opts.proxy);
	}
	if (body) {
		SET(h, CURLOPT_POST, 1L);
		SET(h, CURLOPT_POSTFIELDS, body);
		SET(h, CURLOPT_POSTFIELDSIZE, (long)body_len);
	} else {
		SET(h, CURLOPT_HTTPGET, 1L);
	}
	if (h->setopt_rc != CURLE_OK) {
		CURLcode bad = h->setopt_rc;
		h->c->slist_free_all(list);
		return tc_error_set(err, TC_ERR_INTERNAL, _("libcurl refused option %d: %s"),
				    (int)h->setopt_bad, h->c->easy_strerror(bad));
	}
	CURLcode rc = h->c->easy_perform(c);
	for (struct curl_slist *l = list; l; l = l->next) {
		OPENSSL_cleanse(l->data, strlen(l->data)); /* headers may hold a token */
	}
	h->c->slist_free_all(list);
	if (rc != CURLE_OK) {
		if (s.wipe && s.buf) {
			OPENSSL_cleanse(s.buf, s.cap);
		}
		free(s.buf);
		return map_curl_error(h, rc, url, &s, err);
	}
	h->c->easy_getinfo(c, CURLINFO_RESPONSE_CODE, &resp->status);
	curl_off_t retry_after = 0;
	if (h->c->easy_getinfo(c, CURLINFO_RETRY_AFTER, &retry_after) == CURLE_OK &&
	    retry_after > 0) {
		resp->retry_after = retry_after > 86400 ? 86400 : (long)retry_after;
	}
	resp->body = s.buf ? s.buf : strdup("");
	resp->len = s.len;
	if (h->opts.verbose >= 3 && h->opts.trace) {
		if (h->private_mode) {
			fprintf(h->opts.trace, "< HTTP %ld, %zu bytes (not shown: credentials)\n",
				resp->status, resp->len);
		} else {
			fprintf(h->opts.trace, "< HTTP %ld, %zu bytes\n< %.*s\n", resp->status,
				resp->len, (int)(resp->len > 4096 ? 4096 : resp->len), resp->body);
		}
	}
	return 0;
}
