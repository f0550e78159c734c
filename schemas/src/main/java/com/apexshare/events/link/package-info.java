/**
 * The link-token contract shared by the service that mints student links (notification) and the one that honours
 * them (download): format, hash and URL shape.
 */
package com.apexshare.events.link;
