/**
 * The trainer's command-line client {@code apexshare}: {@link com.apexshare.cli.ApexShareCli} is the entry point, both
 * as a program ({@code main}) and as a library ({@code run(String...)} returns the exit code).
 */
package com.apexshare.cli;
