/** How a refused quota answers: 429 {@code QUOTA_EXCEEDED} with {@code Retry-After}. */
package com.apexshare.upload.quota.web;
