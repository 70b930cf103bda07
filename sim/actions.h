/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The API actions the simulator serves, each building its Response fields from an
 * account of the scenario the way the service computes them. One file per family:
 * actions.c (the table, DescribeAccountBalance), act_orders.c, act_vouchers.c,
 * act_funds.c, act_spend.c, act_renewals.c; simdata.c has what they share. */
#ifndef SIM_ACTIONS_H
#define SIM_ACTIONS_H

#include <stdbool.h>
#include <stdint.h>

#include <json-c/json.h>

struct sim_call {
	struct json_object *account;
	struct json_object *params;
	int64_t now;      /* the simulator's clock */
	const char *code; /* set by sim_fail */
	char message[256];
};

typedef int (*sim_handler)(struct sim_call *call, struct json_object *response);

struct sim_action {
	const char *service;
	const char *version;
	const char *name;
	sim_handler handle; /* fills `response`, or returns sim_fail(...) */
};

/* The action of a service, or NULL. Sets *service_known when the service exists. */
const struct sim_action *sim_action_find(const char *service, const char *name,
					 bool *service_known);

/* The API version a known service speaks. */
const char *sim_service_version(const char *service);

/* ---- shared by the handlers (simdata.c) */

/* Records an error envelope's code and message; returns -1. */
int sim_fail(struct sim_call *c, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Integer or string parameters; a missing required one fails with MissingParameter,
 * a wrong type with InvalidParameter. */
int sim_param_int(struct sim_call *c, const char *name, bool required, int64_t fallback,
		  int64_t *out);
int sim_param_string(struct sim_call *c, const char *name, bool required, const char **out);
/* A "YYYY-MM-DD[ HH:MM:SS]" Beijing-time parameter as UNIX time; `fallback` when an
 * optional one is absent, InvalidParameterValue when it is not a time. */
int sim_param_time(struct sim_call *c, const char *name, bool required, int64_t fallback,
		   int64_t *out);
/* A string parameter that must be one of `allowed` (NULL-terminated); another value
 * fails with InvalidParameterValue. */
int sim_param_enum(struct sim_call *c, const char *name, bool required, const char *const *allowed,
		   const char **out);

/* A copy of the account's list `key` with every {"repeat": N, ...} entry expanded
 * into N entries (ids, names and UINs numbered); NULL when absent. */
struct json_object *sim_list(struct json_object *account, const char *key);

/* Members of a list entry, with defaults. */
int64_t sim_int(struct json_object *o, const char *key, int64_t fallback);
const char *sim_str(struct json_object *o, const char *key, const char *fallback);

/* A private copy of a scenario value (NULL stays NULL). The serving threads share the
 * scenario, and json-c's reference counts are not atomic: a reply that held a
 * scenario object itself would count it up and down from several threads at once
 * and free it under the others. */
struct json_object *sim_copy(struct json_object *value);

/* A JSON number written with exactly `text` ("1000.10"), as the service sends floats. */
struct json_object *sim_decimal(const char *text);

/* Adds the override fields of the account (key) to a response object. */
void sim_apply_overrides(struct json_object *account, const char *key,
			 struct json_object *response);

/* Handlers */
int sim_describe_account_balance(struct sim_call *c, struct json_object *r);
int sim_describe_deals_by_cond(struct sim_call *c, struct json_object *r);
int sim_describe_agent_pay_deals_v2(struct sim_call *c, struct json_object *r);
int sim_describe_voucher_info(struct sim_call *c, struct json_object *r);
int sim_describe_renew_instances(struct sim_call *c, struct json_object *r);
int sim_describe_org_member_account_balance(struct sim_call *c, struct json_object *r);
int sim_query_partner_credit(struct sim_call *c, struct json_object *r);
int sim_query_customers_credit(struct sim_call *c, struct json_object *r);
int sim_describe_cost_explorer_summary(struct sim_call *c, struct json_object *r);
int sim_describe_bill_summary_by_product(struct sim_call *c, struct json_object *r);

#endif
