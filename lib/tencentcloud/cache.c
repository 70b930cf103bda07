/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tencentcloud/cache.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include "i18n.h"
#include "readfile.h"
#include "tencentcloud/sign.h"

#define MAGIC      "tc-billing-cache 1"
#define MAX_ENTRY  (10 * 1024 * 1024)
#define TIDY_EVERY 3600 /* seconds between two prunings of a directory */

/* The owner of an entry: an HMAC, keyed by the SecretKey, of the SecretId and the
 * token. Another key with the same SecretId (a wrong or revoked one) owns other
 * entries, and nothing on disk lets anyone recover the key. */
static void owner_of(const char *secret_id, const char *secret_key, const char *token,
		     char out[65]) {
	unsigned char md[32];
	unsigned int len = 0;
	char *data = NULL;
	int n = asprintf(&data, "tc-billing-cache\n%s\n%s", secret_id, token ? token : "");
	if (n < 0 || !HMAC(EVP_sha256(), secret_key, (int)strlen(secret_key),
			   (const unsigned char *)data, (size_t)n, md, &len)) {
		RAND_bytes(md, sizeof md); /* matches no stored owner */
	}
	if (n >= 0) {
		OPENSSL_cleanse(data, (size_t)n);
		free(data);
	}
	tc3_hex(md, 32, out);
	OPENSSL_cleanse(md, sizeof md);
}

/* A --cache-dir that another user owns, or that others may write without the sticky
 * bit (as /tmp has), would let them swap what this user reads and writes there. */
static int base_trusted(const char *base, struct tc_error *err) {
	struct stat st;
	if (stat(base, &st) != 0 || !S_ISDIR(st.st_mode)) {
		return tc_error_set(err, TC_ERR_CONFIG, _("--cache-dir %s is not a directory"),
				    base);
	}
	if (st.st_uid != getuid() && st.st_uid != 0) {
		return tc_error_set(err, TC_ERR_CONFIG, _("--cache-dir %s belongs to another user"),
				    base);
	}
	if ((st.st_mode & (S_IWGRP | S_IWOTH)) && !(st.st_mode & S_ISVTX)) {
		return tc_error_set(
		    err, TC_ERR_CONFIG,
		    _("--cache-dir %s can be written by others (and is not sticky)"), base);
	}
	return 0;
}

/* <dir>/tc-billing-<uid>/, created 0700 and refused if someone else owns it. */
static int cache_dir(const char *base, char *out, size_t size, struct tc_error *err) {
	struct stat st;
	if (mkdir(base, 0700) != 0 && errno != EEXIST) {
		return tc_error_set(err, TC_ERR_CONFIG, _("cannot create --cache-dir %s: %s"), base,
				    strerror(errno));
	}
	if (base_trusted(base, err) != 0) {
		return -1;
	}
	snprintf(out, size, "%s/tc-billing-%u", base, (unsigned)getuid());
	if (mkdir(out, 0700) != 0 && errno != EEXIST) {
		return tc_error_set(err, TC_ERR_CONFIG, _("cannot create %s: %s"), out,
				    strerror(errno));
	}
	if (lstat(out, &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != getuid() ||
	    (st.st_mode & 0077)) {
		return tc_error_set(err, TC_ERR_CONFIG,
				    _("%s is not a private directory of this user (0700)"), out);
	}
	return 0;
}

static int lock(int fd, const struct tc_deadline *d) {
	for (;;) {
		if (flock(fd, LOCK_EX | LOCK_NB) == 0) {
			return 0;
		}
		if (errno != EWOULDBLOCK && errno != EINTR) {
			return -1;
		}
		if (d && tc_deadline_left_ms(d) < 20) {
			return -1;
		}
		struct timespec ts = {0, 10 * 1000000L};
		nanosleep(&ts, NULL);
	}
}

static void read_entry(struct tc_cache_entry *e) {
	size_t len = 0;
	struct tc_error ignored;
	char *text = tc_read_file(e->path, MAX_ENTRY, &len, &ignored);
	char magic[32], owner[32];
	long long created = 0;
	int header = 0;
	if (!text) {
		return;
	}
	/* "tc-billing-cache 1 <created> <owner>\n<body>": anything else is ignored */
	if (sscanf(text, "tc-billing-cache %31s %lld %31s\n%n", magic, &created, owner, &header) ==
		3 &&
	    header > 0 && strcmp(magic, "1") == 0 && strcmp(owner, e->owner) == 0 && created > 0 &&
	    (size_t)header <= len) {
		e->len = len - (size_t)header;
		e->body = malloc(e->len + 1);
		if (e->body) {
			memcpy(e->body, text + header, e->len);
			e->body[e->len] = '\0';
			e->created = created;
		}
	}
	free(text);
}

int tc_cache_open(const struct tc_cache *c, const struct tc_cache_key *k, const char *url,
		  const char *action, const char *params, const struct tc_deadline *d,
		  struct tc_cache_entry *e, struct tc_error *err) {
	char dir[900], key[65], owner[65], lockpath[1100];
	char *material = NULL;
	memset(e, 0, sizeof *e);
	e->lock_fd = -1;
	if (cache_dir(c->dir, dir, sizeof dir, err) != 0) {
		return -1;
	}
	owner_of(k->secret_id, k->secret_key, k->token, owner);
	snprintf(e->owner, sizeof e->owner, "%.16s", owner);
	if (asprintf(&material, "%s\n%s\n%s\n%s", owner, url, action, params) < 0) {
		return tc_error_set(err, TC_ERR_INTERNAL, _("out of memory"));
	}
	tc3_sha256_hex(material, strlen(material), key);
	free(material);
	snprintf(e->path, sizeof e->path, "%s/%s.cache", dir, key);
	snprintf(lockpath, sizeof lockpath, "%s/%s.lock", dir, key);
	e->lock_fd = open(lockpath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (e->lock_fd < 0) {
		return tc_error_set(err, TC_ERR_CONFIG, _("cannot open %s: %s"), lockpath,
				    strerror(errno));
	}
	if (lock(e->lock_fd, d) != 0) {
		close(e->lock_fd);
		e->lock_fd = -1;
		return tc_error_set(
		    err, TC_ERR_TIMEOUT,
		    _("timed out waiting for another run's %s request (cache lock)"), action);
	}
	read_entry(e);
	return 0;
}

bool tc_cache_fresh(const struct tc_cache *c, const struct tc_cache_entry *e, int64_t now) {
	return e->body && now >= e->created && now - e->created < c->ttl;
}

/* How long an answer is kept: its TTL and a day. */
static int64_t kept_seconds(const struct tc_cache *c) {
	return (c->ttl > 0 ? c->ttl : 0) + TC_CACHE_KEEP_SECONDS;
}

bool tc_cache_servable_stale(const struct tc_cache *c, const struct tc_cache_entry *e,
			     int64_t now) {
	return c->stale_on_error && e->body && now >= e->created &&
	       now - e->created <= kept_seconds(c);
}

int tc_cache_store(struct tc_cache_entry *e, const char *body, size_t len, int64_t now,
		   struct tc_error *err) {
	char tmp[1100];
	snprintf(tmp, sizeof tmp, "%s.XXXXXX", e->path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		return tc_error_set(err, TC_ERR_CONFIG, _("cannot write the cache: %s"),
				    strerror(errno));
	}
	FILE *f = fdopen(fd, "w");
	if (!f) {
		close(fd);
		unlink(tmp);
		return tc_error_set(err, TC_ERR_CONFIG, _("cannot write the cache"));
	}
	fprintf(f, MAGIC " %lld %s\n", (long long)now, e->owner);
	fwrite(body, 1, len, f);
	/* mkstemp made it 0600 */
	if (fflush(f) != 0 || fsync(fd) != 0 || fclose(f) != 0 || rename(tmp, e->path) != 0) {
		unlink(tmp);
		return tc_error_set(err, TC_ERR_CONFIG, _("cannot write the cache: %s"),
				    strerror(errno));
	}
	return 0;
}

void tc_cache_close(struct tc_cache_entry *e) {
	if (e->lock_fd >= 0) {
		flock(e->lock_fd, LOCK_UN);
		close(e->lock_fd);
		e->lock_fd = -1;
	}
	free(e->body);
	e->body = NULL;
}

static int64_t mtime_of(const char *path) {
	struct stat st;
	return lstat(path, &st) == 0 ? (int64_t)st.st_mtime : -1;
}

static bool ends_with(const char *s, const char *suffix) {
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* Removes an entry (its answer and its lock file) if no run holds its lock. */
static int remove_entry(const char *lockpath, const char *cachepath) {
	int removed = 0;
	int fd = open(lockpath, O_RDWR | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0) {
		return 0;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) == 0) {
		removed += unlink(cachepath) == 0;
		removed += unlink(lockpath) == 0;
	}
	close(fd);
	return removed;
}

/* Removes what in `dir` is older than `horizon` (see tc_cache_prune). */
static int prune_dir(const char *dir, int64_t horizon) {
	DIR *d = opendir(dir);
	if (!d) {
		return -1;
	}
	int removed = 0;
	for (struct dirent *de = readdir(d); de; de = readdir(d)) {
		const char *name = de->d_name;
		char path[1200], cachepath[1200];
		snprintf(path, sizeof path, "%s/%s", dir, name);
		if (ends_with(name, ".lock")) {
			/* an entry is as old as its answer, or its lock file if it has none */
			snprintf(cachepath, sizeof cachepath, "%s/%.*s.cache", dir,
				 (int)(strlen(name) - 5), name);
			int64_t t = mtime_of(cachepath);
			if (t < 0) {
				t = mtime_of(path);
			}
			if (t >= 0 && t < horizon) {
				removed += remove_entry(path, cachepath);
			}
		} else if (strstr(name, ".cache.")) {
			/* tc_cache_store's temporary, left by a run that crashed */
			int64_t t = mtime_of(path);
			if (t >= 0 && t < horizon) {
				removed += unlink(path) == 0;
			}
		}
	}
	closedir(d);
	return removed;
}

int tc_cache_prune(const struct tc_cache *c, int64_t now) {
	char dir[900];
	struct tc_error ignored;
	if (cache_dir(c->dir, dir, sizeof dir, &ignored) != 0) {
		return -1;
	}
	return prune_dir(dir, now - kept_seconds(c));
}

void tc_cache_tidy(const struct tc_cache *c, const struct tc_cache_entry *e, int64_t now) {
	char dir[1024], stamp[1100];
	struct stat st;
	/* the entry's directory, which tc_cache_open made sure of */
	const char *slash = strrchr(e->path, '/');
	if (!slash) {
		return;
	}
	snprintf(dir, sizeof dir, "%.*s", (int)(slash - e->path), e->path);
	snprintf(stamp, sizeof stamp, "%s/pruned", dir);
	int fd = open(stamp, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0) {
		return;
	}
	/* a new stamp is dated now: the first pruning comes an hour later */
	if (fstat(fd, &st) == 0 && now - (int64_t)st.st_mtime >= TIDY_EVERY &&
	    flock(fd, LOCK_EX | LOCK_NB) == 0) {
		futimens(fd, NULL);
		prune_dir(dir, now - kept_seconds(c));
	}
	close(fd);
}
