/**
 * Calls on real SIP legs: the registrar, the B2BUA that implements the engine's
 * {@link dev.switchboard.core.call.CallControl} on SIP dialogs and RTP sessions, endpoint and carrier resolution, and
 * the trace and detail record every call leaves behind.
 */
package dev.switchboard.telephony;
