/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The simulator's HTTP handler: routing (API, CVM metadata, its own counters),
 * TC3 verification, the timestamp window, rate limits, faults, and the envelopes
 * the service answers with. */
#ifndef SIM_SERVE_H
#define SIM_SERVE_H

#include <microhttpd.h>
#include <pthread.h>
#include <stdint.h>

#include "scenario.h"

#define SIM_MAX_COUNTERS 1024

struct sim_counter {
	char key[200];
	int64_t second; /* for rate windows */
	long n;
};

struct sim_server {
	struct sim_scenario *scenario;
	long clock_offset; /* seconds added to the simulator's clock */
	int verbose;
	pthread_mutex_t lock;
	long total;
	struct sim_counter counters[SIM_MAX_COUNTERS]; /* "action:X", "account:Y", "fault:..." */
	size_t ncounters;
	struct sim_counter windows[SIM_MAX_COUNTERS]; /* per key and action, per second */
	size_t nwindows;
};

enum MHD_Result sim_handle(void *cls, struct MHD_Connection *conn, const char *url,
			   const char *method, const char *version, const char *upload,
			   size_t *upload_size, void **ctx);

void sim_completed(void *cls, struct MHD_Connection *conn, void **ctx,
		   enum MHD_RequestTerminationCode toe);

#endif
