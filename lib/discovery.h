/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Zabbix low-level discovery JSON, {"data":[{"{#UIN}":"1","{#NAME}":"a"},...]}: one
 * object per item, one string per macro. */
#ifndef TC_DISCOVERY_H
#define TC_DISCOVERY_H

#include <stddef.h>

#define TC_DISCOVERY_MAX_MACROS 16

/* Fills values[k] with the text of macros[k] for items[i] (NULL reads as ""). */
typedef void (*tc_discovery_row)(const void *items, size_t i, const char **values);

/* The JSON of `n` items, the caller frees it; NULL when out of memory. */
char *tc_discovery_json(const char *const *macros, size_t nmacros, const void *items, size_t n,
			tc_discovery_row row);

#endif
