/**
 * The whole system on one machine: the devstack servers with persistent data, S3 event notifications for the local
 * store, a development gateway in front of the four services, and the services themselves as child processes.
 * Entry point: {@link com.apexshare.devstack.local.LocalRun}.
 */
package com.apexshare.devstack.local;
