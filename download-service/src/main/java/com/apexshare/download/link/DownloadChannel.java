package com.apexshare.download.link;

/** How a link was opened: the browser redirect or the JSON API. */
public enum DownloadChannel {
    REDIRECT,
    API
}
