package dev.nbexport.run.session;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What makes an interrupt stop a cell that never waits, such as {@code while (true) {}}: every class compiled
 * from a cell gets a call to {@code check()} of a small class of the session's own at the start of each method
 * and before each backward jump (every loop has one), and {@code check()} throws once the session has asked
 * to stop. JShell's own local engine does the same since JDK 22 (with the JDK's class-file API, which JDK 17
 * lacks); {@code Thread.stop}, what it did before, throws on JDK 20 and later. {@code Thread.interrupt} alone
 * ends only code that sleeps, waits or reads.
 *
 * <p>What {@code check()} throws is an {@link Error} of a generated class too ({@code REPL.$NbexportStopped$}), so
 * a cell's {@code catch (Exception e)} does not swallow it. Code of the project's libraries is not woven: a loop
 * there that never waits runs on.
 */
final class StopCheck {

    /** The generated class: {@code public static volatile boolean requested; public static void check()}. */
    static final String CLASS_NAME = "REPL.$NbexportStop$";
    /** What {@code check()} throws: an {@code Error} with no message. */
    static final String STOPPED_NAME = "REPL.$NbexportStopped$";

    private static final String INTERNAL = CLASS_NAME.replace('.', '/');
    private static final String STOPPED_INTERNAL = STOPPED_NAME.replace('.', '/');

    private StopCheck() {}

    /**
     * The class compiled from a cell with the stop checks added; unchanged when ASM cannot read it (a class
     * file newer than it knows): the cell then runs, and only {@code Thread.interrupt} can end it.
     */
    static byte[] weave(byte[] classFile) {
        try {
            ClassReader reader = new ClassReader(classFile);
            ClassWriter writer = new ClassWriter(reader, 0);
            reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
                    return (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0 ? next : new Weaver(next);
                }
            }, 0);
            return writer.toByteArray();
        } catch (IllegalArgumentException | UnsupportedOperationException unreadable) {
            return classFile;
        }
    }

    /** The stop check's own class, loaded beside the cells' classes (notebook code sees nothing of nbexport). */
    static byte[] checkClass() {
        ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        w.visit(Opcodes.V11, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, INTERNAL, null, "java/lang/Object", null);
        w.visitField(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_VOLATILE, "requested", "Z", null, null).visitEnd();
        MethodVisitor m = w.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "check", "()V", null, null);
        m.visitCode();
        m.visitFieldInsn(Opcodes.GETSTATIC, INTERNAL, "requested", "Z");
        Label carryOn = new Label();
        m.visitJumpInsn(Opcodes.IFEQ, carryOn);
        m.visitTypeInsn(Opcodes.NEW, STOPPED_INTERNAL);
        m.visitInsn(Opcodes.DUP);
        m.visitMethodInsn(Opcodes.INVOKESPECIAL, STOPPED_INTERNAL, "<init>", "()V", false);
        m.visitInsn(Opcodes.ATHROW);
        m.visitLabel(carryOn);
        m.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
        m.visitInsn(Opcodes.RETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        w.visitEnd();
        return w.toByteArray();
    }

    /** {@code $NbexportStopped$ extends Error}, with a no-argument constructor. */
    static byte[] stoppedClass() {
        ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        w.visit(Opcodes.V11, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, STOPPED_INTERNAL, null, "java/lang/Error", null);
        MethodVisitor m = w.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        m.visitCode();
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Error", "<init>", "()V", false);
        m.visitInsn(Opcodes.RETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        w.visitEnd();
        return w.toByteArray();
    }

    /** Adds {@code check()} at a method's start and before each jump to a label already seen (a loop's back edge). */
    private static final class Weaver extends MethodVisitor {

        private final Set<Label> seen = new HashSet<>();

        Weaver(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            check();
        }

        @Override
        public void visitLabel(Label label) {
            seen.add(label);
            super.visitLabel(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (seen.contains(label)) {
                check();
            }
            super.visitJumpInsn(opcode, label);
        }

        private void check() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, INTERNAL, "check", "()V", false);
        }
    }
}
