package io.atrium.local.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code Fn::Cidr} for IPv4 blocks: {@code count} subnets of {@code cidrBits} host bits cut from {@code ipBlock}. */
final class Cidr {

    private static final Pattern IPV4_BLOCK = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)\\.(\\d+)/(\\d+)");

    private Cidr() {
    }

    static ListNode subnets(String block, int count, int bits, Node at) {
        Matcher m = IPV4_BLOCK.matcher(block);
        if (!m.matches()) {
            throw at.error("Fn::Cidr: only IPv4 blocks such as 10.0.0.0/16 are emulated, found '" + block + "'");
        }
        long base = 0;
        for (int g = 1; g <= 4; g++) {
            base = (base << 8) | Integer.parseInt(m.group(g));
        }
        int prefix = Integer.parseInt(m.group(5));
        int newPrefix = 32 - bits;
        if (bits < 1 || newPrefix < prefix || count < 1 || count > 256 || (long) count > (1L << (newPrefix - prefix))) {
            throw at.error("Fn::Cidr: cannot cut " + count + " subnets of /" + newPrefix + " from " + block);
        }
        base &= prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        List<Node> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            long addr = base + ((long) k << bits);
            out.add(new ScalarNode(at.location(), ((addr >> 24) & 255) + "." + ((addr >> 16) & 255) + "."
                    + ((addr >> 8) & 255) + "." + (addr & 255) + "/" + newPrefix));
        }
        return new ListNode(at.location(), out);
    }
}
