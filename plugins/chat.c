/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "chat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "i18n.h"
#include "jsonx.h"
#include "text.h"

const struct chat_platform *chat_platform(const char *name) {
	static const struct chat_platform *const all[] = {&chat_lark, &chat_wecom, &chat_dingtalk,
							  &chat_slack, &chat_webhook};
	for (size_t i = 0; name && i < sizeof all / sizeof all[0]; i++) {
		if (strcmp(name, all[i]->name) == 0) {
			return all[i];
		}
	}
	return NULL;
}

int chat_plain_url(const char *webhook, int64_t now_ms, const char *secret, char *out, size_t size,
		   struct tc_error *err) {
	(void)now_ms;
	(void)secret;
	if ((size_t)snprintf(out, size, "%s", webhook) >= size) {
		return tc_error_set(err, TC_ERR_CONFIG, _("the webhook URL is too long"));
	}
	return 0;
}

static bool listed(const long *codes, int64_t code) {
	for (; codes && *codes; codes++) {
		if (*codes == code) {
			return true;
		}
	}
	return false;
}

int chat_json_answer(const struct tc_http_response *r, const char *label, const char *code_key,
		     const char *alt_code_key, const char *msg_key, const long *transient,
		     bool *retry, struct tc_error *err) {
	struct json_object *o = NULL;
	int64_t code = 0;
	bool present = false;
	const char *msg = NULL;
	char shown[256];
	*retry = r->status == 429 || r->status >= 500;
	if (tc_json_parse(r->body, r->len, &o, err) != 0) {
		if (r->status != 200) {
			return tc_error_set(err, TC_ERR_HTTP, _("HTTP %ld from the webhook"),
					    r->status);
		}
		return tc_error_prefix(err, "%s", _("webhook answer"));
	}
	if (tc_json_int(o, code_key, TC_OPTIONAL, &code, &present, err) != 0 || !present) {
		present = false;
		if (alt_code_key &&
		    tc_json_int(o, alt_code_key, TC_OPTIONAL, &code, &present, err) != 0) {
			present = false;
		}
	}
	tc_json_string(o, msg_key, TC_OPTIONAL, &msg, err);
	tc_text_copy(shown, sizeof shown, msg ? msg : "", TC_TEXT_ONE_LINE);
	json_object_put(o);
	if (r->status != 200) {
		/* a rate limit may come with another status (Lark: HTTP 400 and 99991400) */
		*retry = *retry || (present && listed(transient, code));
		if (!present) {
			return tc_error_set(err, TC_ERR_HTTP, _("HTTP %ld from the webhook"),
					    r->status);
		}
		return tc_error_set(err, TC_ERR_HTTP,
				    _("%s refused the message: HTTP %ld, %s %lld: %s"), _(label),
				    r->status, code_key, (long long)code, shown);
	}
	if (!present) {
		*retry = false;
		return tc_error_set(err, TC_ERR_API, _("%s answered without %s: %s"), _(label),
				    code_key, shown);
	}
	if (code != 0) {
		*retry = listed(transient, code);
		return tc_error_set(err, TC_ERR_API, _("%s refused the message: %s %lld: %s"),
				    _(label), code_key, (long long)code, shown);
	}
	return 0;
}

int chat_http_answer(const struct tc_http_response *r, const char *label, bool *retry,
		     struct tc_error *err) {
	char reason[256];
	*retry = r->status == 408 || r->status == 429 || r->status >= 500;
	if (r->status >= 200 && r->status < 300) {
		return 0;
	}
	tc_text_copy(reason, sizeof reason, r->body ? r->body : "", TC_TEXT_ONE_LINE);
	return tc_error_set(err, TC_ERR_HTTP, _("%s refused the message: HTTP %ld%s%s"), _(label),
			    r->status, *reason ? ": " : "", reason);
}

char *chat_md_buffer(const struct lark_parts *p, size_t *size) {
	const char *const parts[] = {p->summary, p->details, p->person, p->held};
	*size = 3 * (sizeof p->title + sizeof p->note) + 512;
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		*size += parts[i] ? 3 * strlen(parts[i]) + 256 : 0;
	}
	return calloc(1, *size);
}

/* "> " before every line of text, so a block reads as a quote. */
void chat_md_quote(char *buf, size_t size, const char *text) {
	char *safe = text ? lark_defang(text, true) : NULL;
	size_t n = strlen(buf);
	for (const char *p = safe; p && *p && n + 4 < size;) {
		size_t len = strcspn(p, "\n");
		snprintf(buf + n, size - n, "> %.*s\n", (int)len, p);
		p += len + (p[len] == '\n');
		n = strlen(buf);
	}
	free(safe);
}

/* prefix, the text defanged, suffix; nothing when there is no text */
void chat_md_add(char *buf, size_t size, const char *prefix, const char *text, const char *suffix) {
	if (text && *text) {
		char *safe = lark_defang(text, true);
		size_t n = strlen(buf);
		if (safe && n < size) {
			snprintf(buf + n, size - n, "%s%s%s", prefix, safe, suffix);
		}
		free(safe);
	}
}

void chat_md_card(char *buf, size_t size, const struct lark_parts *p, const char *title_open,
		  const struct chat_md_markup *m) {
	chat_md_add(buf, size, title_open, p->title, m->title_end);
	chat_md_add(buf, size, "", p->summary, m->summary_end);
	chat_md_quote(buf, size, p->details);
	chat_md_add(buf, size, m->person_open, p->person, m->person_end);
	chat_md_quote(buf, size, p->held);
	chat_md_add(buf, size, m->note_open, p->note, m->note_end);
}

char *chat_cut(char *s, size_t max) {
	char *cut = malloc(max + 1);
	if (cut) {
		tc_text_copy(cut, max + 1, s, TC_TEXT_KEEP_NEWLINES);
	}
	free(s);
	return cut;
}

struct json_object *chat_msgtype(const char *type, struct json_object *m) {
	struct json_object *o = json_object_new_object();
	json_object_object_add(o, "msgtype", json_object_new_string(type));
	json_object_object_add(o, type, m);
	return o;
}

char *chat_json_text(struct json_object *o) {
	char *out = strdup(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
								 JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(o);
	return out;
}
