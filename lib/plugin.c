/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "plugin.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <stdlib.h>
#include <time.h>

#include "curl_lazy.h"
#include "i18n.h"
#include "render.h"
#include "textfile.h"

/* libcurl stops at the deadline; this margin lets it report where it was before
 * the alarm below fires. */
#define DEADLINE_MARGIN_MS 300

/* The alarm handler can only reach what is static: the text it must print. It is
 * rewritten once the old textfile is read, after the alarm is armed: into the other
 * buffer, which then becomes the one the handler prints. */
static char timeout_text[2][2048];
static volatile sig_atomic_t timeout_current;
static int timeout_exit = TC_UNKNOWN;

static void on_alarm(int sig) {
	(void)sig;
	const char *text = timeout_text[timeout_current];
	ssize_t ignored = write(STDOUT_FILENO, text, strlen(text));
	(void)ignored;
	_exit(timeout_exit);
}

static void render(const struct tc_result *res, const struct tc_common *c,
		   const struct tc_render_meta *meta, FILE *out) {
	if (res->raw || c->format == TC_FORMAT_NAGIOS) {
		tc_result_render_nagios(res, out);
	} else if (c->format == TC_FORMAT_JSON) {
		tc_render_json(res, meta, out);
	} else {
		tc_render_prometheus(res, meta, out);
	}
}

/* Prepares what the alarm prints: the timeout as a failed result in the run's format. */
static void set_timeout_text(const struct tc_program *p, const struct tc_common *c,
			     const struct tc_render_meta *meta) {
	struct tc_result r;
	struct tc_error err;
	char *text = NULL;
	size_t len = 0;
	int next = !timeout_current;
	tc_result_init(&r, p->prefix);
	tc_error_set(&err, TC_ERR_TIMEOUT, _("plugin timed out after %d s"), c->timeout);
	tc_result_fail(&r, &err, c->timeout_state);
	FILE *f = open_memstream(&text, &len);
	if (f) {
		render(&r, c, meta, f);
		fclose(f);
		snprintf(timeout_text[next], sizeof timeout_text[next], "%s", text ? text : "");
		free(text);
		timeout_current = next;
	}
	tc_result_free(&r);
}

/* Arms the -t alarm: from here on the run ends in time whatever blocks. */
static void arm_alarm(const struct tc_program *p, const struct tc_common *c,
		      const struct tc_render_meta *meta) {
	set_timeout_text(p, c, meta);
	timeout_exit = c->timeout_state;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);
	alarm((unsigned)c->timeout);
}

/* Writes the Prometheus text for node_exporter; a failure to do so is reported
 * without hiding the check's own state. */
static void write_textfile(struct tc_result *res, const struct tc_common *c,
			   const struct tc_render_meta *meta) {
	char *text = NULL;
	size_t len = 0;
	struct tc_error err;
	FILE *f = open_memstream(&text, &len);
	if (!f) {
		return;
	}
	tc_render_prometheus(res, meta, f);
	fclose(f);
	if (tc_textfile_write(c->textfile, text, len, &err) != 0) {
		tc_result_raise(res, TC_UNKNOWN);
		tc_result_line(res, _("textfile not written: %s"), err.message);
	}
	free(text);
}

static int prepare(struct tc_run *run, const struct tc_plugin_glue *g, struct tc_error *err) {
	struct tc_common *c = &run->opts;
	if (tc_range_parse(c->warning, &run->warning, err) != 0) {
		return tc_error_prefix(err, "-w");
	}
	if (tc_range_parse(c->critical, &run->critical, err) != 0) {
		return tc_error_prefix(err, "-c");
	}
	run->deadline.seconds = c->timeout;
	run->deadline.end_ms = tc_monotonic_ms() + (int64_t)c->timeout * 1000 - DEADLINE_MARGIN_MS;
	return g->prepare ? g->prepare(g->ctx, run, err) : 0;
}

int tc_plugin_main(const struct tc_program *p, const struct tc_plugin_glue *g, int argc,
		   char **argv) {
	struct tc_run run;
	struct tc_result res;
	struct tc_error err;
	bool done = false;
	const char *check_name = strncmp(p->name, "check_tc_", 9) == 0 ? p->name + 9 : p->name;
	struct tc_render_meta meta = {.program = p->name,
				      .check = check_name,
				      .account = "default",
				      .now = (int64_t)time(NULL),
				      .help = g->metric_help};
	memset(&run, 0, sizeof run);
	run.started_ms = tc_monotonic_ms();
	tc_error_clear(&err);
	run.program = p;
	srand((unsigned)time(NULL) ^ (unsigned)getpid()); /* jitter of the retries */
	tc_result_init(&res, p->prefix);
	/* messages in the user's language; numbers keep the C locale's '.' (our own
	 * formatting, json-c and libcurl alike) */
	tc_i18n_init(argc, argv);
	if (tc_opts_parse(p, g->options, argc, argv, &run.opts, &done, stdout, &err) != 0) {
		/* a configuration error is blindness too: in the run's format, and in
		 * its textfile as up 0 */
		tc_result_fail(&res, &err, TC_UNKNOWN);
		meta.account = run.opts.account;
		if (run.opts.textfile) {
			meta.last_success = tc_textfile_last_success(run.opts.textfile);
			write_textfile(&res, &run.opts, &meta);
		}
	} else if (done) {
		tc_common_free(&run.opts);
		return TC_UNKNOWN;
	} else {
		tc_i18n_language(run.opts.language); /* also when set in --extra-opts */
		meta.account = run.opts.account;
		arm_alarm(p, &run.opts, &meta); /* before anything that could block */
		if (run.opts.textfile) {
			meta.last_success = tc_textfile_last_success(run.opts.textfile);
			set_timeout_text(p, &run.opts, &meta);
		}
		if (prepare(&run, g, &err) != 0 || g->check(g->ctx, &run, &res, &err) != 0) {
			tc_result_fail(&res, &err, run.opts.timeout_state);
		} else if (g->annotate) {
			g->annotate(g->ctx, &run, &res, &meta);
		}
		if (run.opts.textfile && !res.raw) {
			write_textfile(&res, &run.opts, &meta);
		}
	}
	render(&res, &run.opts, &meta, stdout);
	fflush(stdout);
	alarm(0);
	int status = (int)res.state;
	tc_result_free(&res);
	if (g->release) {
		g->release(g->ctx);
	}
	tc_common_free(&run.opts);
	tc_curl_unload();
	return status;
}
