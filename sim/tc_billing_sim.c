/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tc_billing_sim: a local simulator of the Tencent Cloud billing, partner and CVM
 * metadata APIs, for the demo, the tests and the benchmarks. */
#include <config.h>

#include <arpa/inet.h>
#include <getopt.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <microhttpd.h>

#include "opts.h"
#include "readfile.h"
#include "scenario.h"
#include "serve.h"

static volatile sig_atomic_t stopping;

static void on_signal(int sig) {
	(void)sig;
	stopping = 1;
}

static void usage(FILE *out) {
	fprintf(out, "Usage: tc_billing_sim --scenario FILE [--listen ADDR] [--port N]\n"
		     "                      [--port-file FILE] [--tls-cert PEM --tls-key PEM]\n"
		     "                      [--clock-offset SECONDS] [--verbose]\n"
		     "Serves the Tencent Cloud APIs the plugins call from a scenario file.\n"
		     "Prints the bound port on stdout; runs until SIGTERM or SIGINT.\n");
}

struct sim_options {
	const char *scenario;
	const char *listen;
	int port;
	const char *port_file;
	const char *cert;
	const char *key;
	long clock_offset;
	int verbose;
	bool help;
};

/* One option; errors are values, reported with the usage in main(). */
static int option(void *ctx, int key, int row, const char *arg, struct tc_error *err) {
	struct sim_options *o = ctx;
	long n = 0;
	(void)row;
	switch (key) {
	case 's':
		o->scenario = arg;
		return 0;
	case 'l':
		o->listen = arg;
		return 0;
	case 'p':
		return tc_opts_int("--port", arg, 0, 65535, &o->port, err);
	case 'f':
		o->port_file = arg;
		return 0;
	case 'C':
		o->cert = arg;
		return 0;
	case 'K':
		o->key = arg;
		return 0;
	case 'o':
		if (tc_opts_long("--clock-offset", arg, -100L * 365 * 86400, 100L * 365 * 86400, &n,
				 err) != 0) {
			return -1;
		}
		o->clock_offset = n;
		return 0;
	}
	return tc_error_set(err, TC_ERR_INTERNAL, "unhandled option %d", key);
}

static int parse(int argc, char **argv, struct sim_options *o, struct tc_error *err) {
	static const struct option table[] = {
	    {"scenario", required_argument, NULL, 's'},
	    {"listen", required_argument, NULL, 'l'},
	    {"port", required_argument, NULL, 'p'},
	    {"port-file", required_argument, NULL, 'f'},
	    {"tls-cert", required_argument, NULL, 'C'},
	    {"tls-key", required_argument, NULL, 'K'},
	    {"clock-offset", required_argument, NULL, 'o'},
	    {"verbose", no_argument, NULL, 'v'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	*o = (struct sim_options){.listen = "127.0.0.1"};
	struct tc_getopt g = {.shorts = "s:l:p:f:C:K:o:vh",
			      .table = table,
			      .verbose = &o->verbose,
			      .help = &o->help,
			      .handle = option,
			      .ctx = o};
	if (tc_opts_getopt(&g, argc, argv, err) != 0 || o->help) {
		return -1;
	}
	if (!o->scenario) {
		return tc_error_set(err, TC_ERR_USAGE, "--scenario is required");
	}
	if ((!o->cert) != (!o->key)) {
		return tc_error_set(err, TC_ERR_USAGE, "--tls-cert and --tls-key go together");
	}
	return 0;
}

int main(int argc, char **argv) {
	struct sim_options o;
	struct sim_scenario scenario;
	struct tc_error err;
	char *cert = NULL, *key = NULL;
	size_t len;
	if (parse(argc, argv, &o, &err) != 0) {
		if (o.help) {
			usage(stdout);
			return 0;
		}
		fprintf(stderr, "tc_billing_sim: %s\n", err.message);
		usage(stderr);
		return 2;
	}
	if (sim_scenario_load(o.scenario, &scenario, &err) != 0) {
		fprintf(stderr, "tc_billing_sim: %s\n", err.message);
		return 1;
	}
	if (o.cert && (!(cert = tc_read_file(o.cert, 1 << 20, &len, &err)) ||
		       !(key = tc_read_file(o.key, 1 << 20, &len, &err)))) {
		fprintf(stderr, "tc_billing_sim: %s\n", err.message);
		return 1;
	}
	struct sockaddr_in sa;
	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t)o.port);
	if (inet_pton(AF_INET, o.listen, &sa.sin_addr) != 1) {
		fprintf(stderr, "tc_billing_sim: --listen takes an IPv4 address\n");
		return 2;
	}
	struct sim_server server = {
	    .scenario = &scenario, .clock_offset = o.clock_offset, .verbose = o.verbose};
	pthread_mutex_init(&server.lock, NULL);
	unsigned flags =
	    MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION | MHD_USE_ERROR_LOG;
	struct MHD_Daemon *d;
	if (cert) {
		d = MHD_start_daemon(flags | MHD_USE_TLS, 0, NULL, NULL, sim_handle, &server,
				     MHD_OPTION_HTTPS_MEM_CERT, cert, MHD_OPTION_HTTPS_MEM_KEY, key,
				     MHD_OPTION_SOCK_ADDR, &sa, MHD_OPTION_NOTIFY_COMPLETED,
				     sim_completed, NULL, MHD_OPTION_CONNECTION_TIMEOUT, 60u,
				     MHD_OPTION_END);
	} else {
		d = MHD_start_daemon(flags, 0, NULL, NULL, sim_handle, &server,
				     MHD_OPTION_SOCK_ADDR, &sa, MHD_OPTION_NOTIFY_COMPLETED,
				     sim_completed, NULL, MHD_OPTION_CONNECTION_TIMEOUT, 60u,
				     MHD_OPTION_END);
	}
	if (!d) {
		fprintf(stderr, "tc_billing_sim: cannot listen on %s:%d\n", o.listen, o.port);
		return 1;
	}
	unsigned port = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT)->port;
	printf("%u\n", port);
	fflush(stdout);
	if (o.port_file) {
		char tmp[4096];
		snprintf(tmp, sizeof tmp, "%s.tmp", o.port_file);
		FILE *f = fopen(tmp, "w");
		if (!f || fprintf(f, "%u\n", port) < 0 || fclose(f) != 0 ||
		    rename(tmp, o.port_file) != 0) {
			fprintf(stderr, "tc_billing_sim: cannot write %s\n", o.port_file);
			MHD_stop_daemon(d);
			return 1;
		}
	}
	struct sigaction act;
	memset(&act, 0, sizeof act);
	act.sa_handler = on_signal;
	sigaction(SIGTERM, &act, NULL);
	sigaction(SIGINT, &act, NULL);
	while (!stopping) {
		usleep(50000);
	}
	MHD_stop_daemon(d);
	sim_scenario_free(&scenario);
	free(cert);
	free(key);
	return 0;
}
