/* The API actions the simulator serves, each building its Response fields from an
 * account of the scenario the way the service computes them. */
#ifndef SIM_ACTIONS_H
#define SIM_ACTIONS_H

#include <stdbool.h>

#include <json-c/json.h>

struct sim_action {
	const char *service;
	const char *version;
	const char *name;
	/* Fills `response` (the object that will also get RequestId). On a client
	 * error sets *code and *message and returns -1. */
	int (*handle)(struct json_object *account, struct json_object *params,
		      struct json_object *response, const char **code, const char **message);
};

/* The action of a service, or NULL. Sets *service_known when the service exists. */
const struct sim_action *sim_action_find(const char *service, const char *name,
					 bool *service_known);

/* The API version a known service speaks. */
const char *sim_service_version(const char *service);

#endif
