package io.atrium.local.lambda;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Rewrites {@code System.getenv(...)} calls (and {@code System::getenv} method handles) to {@link EnvBridge}. */
final class EnvRewriter {

    static final String BRIDGE = EnvBridge.class.getName().replace('.', '/');
    private static final byte[] MARKER = "getenv".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private EnvRewriter() {
    }

    /** The class bytes with every getenv call redirected, or the same array when there is none. */
    static byte[] rewrite(byte[] classBytes) {
        if (!contains(classBytes, MARKER)) {
            return classBytes;
        }
        ClassReader reader = new ClassReader(classBytes);
        ClassWriter writer = new ClassWriter(reader, 0);
        boolean[] changed = {false};
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                return new MethodVisitor(Opcodes.ASM9, mv) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String mname, String mdesc, boolean itf) {
                        if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/System") && mname.equals("getenv")) {
                            changed[0] = true;
                            super.visitMethodInsn(opcode, BRIDGE, mname, mdesc, false);
                        } else {
                            super.visitMethodInsn(opcode, owner, mname, mdesc, itf);
                        }
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String iname, String idesc, Handle bsm, Object... args) {
                        for (int i = 0; i < args.length; i++) {
                            if (args[i] instanceof Handle h && h.getOwner().equals("java/lang/System")
                                    && h.getName().equals("getenv")) {
                                changed[0] = true;
                                args[i] = new Handle(h.getTag(), BRIDGE, h.getName(), h.getDesc(), false);
                            }
                        }
                        super.visitInvokeDynamicInsn(iname, idesc, bsm, args);
                    }
                };
            }
        }, 0);
        return changed[0] ? writer.toByteArray() : classBytes;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0, n = haystack.length - needle.length; i <= n; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
