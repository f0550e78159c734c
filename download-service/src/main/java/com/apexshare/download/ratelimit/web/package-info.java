/** HTTP adapter of the rate limit: a servlet filter in front of the two link endpoints, answering 429 with the error body. */
package com.apexshare.download.ratelimit.web;
