package dev.switchboard.sip;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;

/** Host strings for our own addresses as they go into Via and Contact headers. */
final class Addresses {
    private Addresses() {}

    /** The bind address, or for a wildcard bind the first up, non-loopback IPv4 address (loopback when none). */
    static String advertisable(InetAddress bind) {
        if (!bind.isAnyLocalAddress()) return hostString(bind);
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) continue;
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (!(a instanceof Inet6Address) && !a.isLoopbackAddress()) return a.getHostAddress();
                }
            }
        } catch (SocketException e) {
            // no interfaces to read: loopback below is still a working answer for a single machine
        }
        return "127.0.0.1";
    }

    /** An address as a SIP host: IPv6 in brackets. */
    static String hostString(InetAddress a) {
        String s = a.getHostAddress();
        int zone = s.indexOf('%');
        if (zone >= 0) s = s.substring(0, zone);
        return a instanceof Inet6Address ? "[" + s + "]" : s;
    }
}
