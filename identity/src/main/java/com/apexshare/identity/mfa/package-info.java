/**
 * The optional second factor ({@code apexshare.identity.mfa.enabled}): after the password, a one-time code sent by
 * email to the trainer's address. The code can only be asked for by someone who already gave the password.
 */
package com.apexshare.identity.mfa;
