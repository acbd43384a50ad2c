package dev.destek.local.bench;

/** The baseline: a bare JVM that starts, prints one line and exits. */
public final class Hello {
    private Hello() { }

    public static void main(String[] args) {
        System.out.println("RESULT hello world");
        System.out.flush();
        System.exit(0);
    }
}
