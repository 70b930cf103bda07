#include "plugin.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <curl/curl.h>

/* libcurl stops at the deadline; this margin lets it report where it was before
 * the alarm below fires. */
#define DEADLINE_MARGIN_MS 300

/* The alarm handler can only reach what is static: the line it must print. */
static char timeout_line[160];
static int timeout_exit = TC_UNKNOWN;

static void on_alarm(int sig) {
	(void)sig;
	ssize_t ignored = write(STDOUT_FILENO, timeout_line, strlen(timeout_line));
	(void)ignored;
	_exit(timeout_exit);
}

static void arm_alarm(const struct tc_program *p, const struct tc_common *c) {
	snprintf(timeout_line, sizeof timeout_line, "%s %s - plugin timed out after %d s\n",
		 p->prefix, tc_state_name(c->timeout_state), c->timeout);
	timeout_exit = c->timeout_state;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);
	alarm((unsigned)c->timeout);
}

static int prepare(struct tc_run *run, struct tc_error *err) {
	struct tc_common *c = &run->opts;
	if (tc_range_parse(c->warning, &run->warning, err) != 0) {
		return tc_error_prefix(err, "-w");
	}
	if (tc_range_parse(c->critical, &run->critical, err) != 0) {
		return tc_error_prefix(err, "-c");
	}
	run->deadline.seconds = c->timeout;
	run->deadline.end_ms = tc_monotonic_ms() + (int64_t)c->timeout * 1000 - DEADLINE_MARGIN_MS;
	struct tc_http_opts ho = {
	    .cacert = c->cacert,
	    .proxy = c->proxy,
	    .deadline = &run->deadline,
	    .verbose = c->verbose,
	    .trace = stderr,
	};
	if (!(run->http = tc_http_new(&ho, err))) {
		return -1;
	}
	struct tc_cred_opts co = {
	    .credentials_file = c->credentials_file,
	    .profile = c->profile,
	    .metadata_url = c->metadata_url,
	    .http = run->http,
	};
	if (tc_credentials_load(&co, &run->cred, err) != 0) {
		return -1;
	}
	if (c->verbose >= 2) {
		fprintf(stderr, "credentials from %s\n", run->cred.source);
	}
	run->api = (struct tc_api){
	    .http = run->http,
	    .cred = &run->cred,
	    .site = c->site,
	    .endpoint = c->endpoint,
	    .region = c->region,
	    .language = c->language,
	    .verbose = c->verbose,
	    .trace = stderr,
	};
	return 0;
}

int tc_plugin_main(const struct tc_program *p, int argc, char **argv, tc_check_fn check) {
	struct tc_run run;
	struct tc_result res;
	struct tc_error err;
	bool done = false;
	memset(&run, 0, sizeof run);
	tc_error_clear(&err);
	run.program = p;
	tc_result_init(&res, p->prefix);
	/* numbers are formatted by our own code; never call setlocale(), so the C
	 * locale's '.' stays in force for json-c and libcurl too */
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		tc_error_set(&err, TC_ERR_INTERNAL, "cannot initialise libcurl");
		tc_result_fail(&res, &err, TC_UNKNOWN);
	} else if (tc_opts_parse(p, argc, argv, &run.opts, &done, stdout, &err) != 0) {
		tc_result_fail(&res, &err, TC_UNKNOWN);
	} else if (done) {
		tc_common_free(&run.opts);
		curl_global_cleanup();
		return TC_UNKNOWN;
	} else {
		arm_alarm(p, &run.opts);
		if (prepare(&run, &err) != 0 || check(&run, &res, &err) != 0) {
			tc_result_fail(&res, &err, run.opts.timeout_state);
		}
	}
	tc_result_render_nagios(&res, stdout);
	fflush(stdout);
	alarm(0);
	int status = (int)res.state;
	tc_result_free(&res);
	tc_credentials_wipe(&run.cred);
	tc_http_free(run.http);
	tc_common_free(&run.opts);
	curl_global_cleanup();
	return status;
}
