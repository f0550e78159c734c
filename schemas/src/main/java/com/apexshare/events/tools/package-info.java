/** Small command-line tools for analytics consumers and operators. */
package com.apexshare.events.tools;
