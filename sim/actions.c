#include "actions.h"

#include <stdio.h>
#include <string.h>

/* Amount in cents from the account's "balance" object; absent fields are 0. */
static int64_t cents(struct json_object *balance, const char *key) {
	struct json_object *v = NULL;
	if (!balance || !json_object_object_get_ex(balance, key, &v)) {
		return 0;
	}
	return json_object_get_int64(v);
}

static bool flag(struct json_object *balance, const char *key) {
	struct json_object *v = NULL;
	return balance && json_object_object_get_ex(balance, key, &v) && json_object_get_boolean(v);
}

/* Copies every member of `fields` over the response: how a scenario states a reply
 * the formulas would not produce (wrong types, nulls, absurd values). */
static void apply_overrides(struct json_object *account, const char *key,
			    struct json_object *response) {
	struct json_object *fields = NULL, *remove = NULL;
	char rkey[64];
	if (json_object_object_get_ex(account, key, &fields) &&
	    json_object_is_type(fields, json_type_object)) {
		json_object_object_foreach(fields, k, v) {
			json_object_object_add(response, k, json_object_get(v));
		}
	}
	/* "<key>_remove": [names] drops fields, for "missing field" replies */
	snprintf(rkey, sizeof rkey, "%s_remove", key);
	if (json_object_object_get_ex(account, rkey, &remove) &&
	    json_object_is_type(remove, json_type_array)) {
		for (size_t i = 0; i < json_object_array_length(remove); i++) {
			json_object_object_del(
			    response, json_object_get_string(json_object_array_get_idx(remove, i)));
		}
	}
}

static int describe_account_balance(struct json_object *account, struct json_object *params,
				    struct json_object *response, const char **code,
				    const char **message) {
	struct json_object *b = NULL, *uin = NULL;
	json_object_object_get_ex(account, "balance", &b);
	int64_t cash = cents(b, "cash"), income = cents(b, "income"), present = cents(b, "present"),
		freeze = cents(b, "freeze"), owe = cents(b, "owe"), credit = cents(b, "credit"),
		temp = cents(b, "temp_credit");
	int64_t real = cash + income + present - freeze - owe;
	int64_t credit_balance = cash + income + present + credit - owe;
	(void)params;
	(void)code;
	(void)message;
	/* the service writes its Float cents fields as JSON integers */
	json_object_object_add(response, "Balance", json_object_new_int64(real));
	json_object_object_add(response, "Uin",
			       json_object_object_get_ex(account, "uin", &uin)
				   ? json_object_get(uin)
				   : json_object_new_int64(0));
	json_object_object_add(response, "RealBalance", json_object_new_int64(real));
	json_object_object_add(response, "CashAccountBalance", json_object_new_int64(cash));
	json_object_object_add(response, "IncomeIntoAccountBalance", json_object_new_int64(income));
	json_object_object_add(response, "PresentAccountBalance", json_object_new_int64(present));
	json_object_object_add(response, "FreezeAmount", json_object_new_int64(freeze));
	json_object_object_add(response, "OweAmount", json_object_new_int64(owe));
	json_object_object_add(response, "IsAllowArrears",
			       json_object_new_boolean(flag(b, "allow_arrears")));
	json_object_object_add(response, "IsCreditLimited", json_object_new_boolean(credit > 0));
	json_object_object_add(response, "CreditAmount", json_object_new_int64(credit));
	json_object_object_add(response, "CreditBalance", json_object_new_int64(credit_balance));
	json_object_object_add(response, "RealCreditBalance",
			       json_object_new_int64(credit_balance - freeze));
	json_object_object_add(response, "TempCredit", json_object_new_int64(temp));
	apply_overrides(account, "balance_fields", response);
	return 0;
}

static const struct sim_action actions[] = {
    {"billing", "2018-07-09", "DescribeAccountBalance", describe_account_balance},
};

static const struct {
	const char *service;
	const char *version;
} services[] = {
    {"billing", "2018-07-09"},
    {"partners", "2018-03-21"},
    {"intlpartnersmgt", "2022-09-28"},
};

const char *sim_service_version(const char *service) {
	for (size_t i = 0; i < sizeof services / sizeof services[0]; i++) {
		if (strcmp(services[i].service, service) == 0) {
			return services[i].version;
		}
	}
	return NULL;
}

const struct sim_action *sim_action_find(const char *service, const char *name,
					 bool *service_known) {
	*service_known = sim_service_version(service) != NULL;
	for (size_t i = 0; i < sizeof actions / sizeof actions[0]; i++) {
		if (strcmp(actions[i].service, service) == 0 &&
		    strcmp(actions[i].name, name) == 0) {
			return &actions[i];
		}
	}
	return NULL;
}
