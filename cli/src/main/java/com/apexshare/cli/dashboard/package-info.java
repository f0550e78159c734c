/** The trainer's view of their uploads: {@code recent} (the dashboard), {@code status FILE_ID}, {@code abort FILE_ID}. */
package com.apexshare.cli.dashboard;
