package io.atrium.local.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader of one function instance, as Lambda gives each function its own: the function's jar and
 * its layers' jars over the platform class loader (so nothing of the local runtime leaks in), with
 * {@code System.getenv} rewritten to this function's own environment ({@link EnvBridge}).
 */
public final class FunctionClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private static final String BRIDGE_NAME = EnvBridge.class.getName();
    /** The runtime's classes each function gets its own copy of: its environment and its CRaC implementation. */
    private static final Map<String, byte[]> RUNTIME_CLASSES = runtimeClasses();

    private final Map<URL, ProtectionDomain> domains = new ConcurrentHashMap<>();

    public FunctionClassLoader(String name, List<URL> classpath) {
        super(name, classpath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    /** Installs the function's environment into this loader's own {@link EnvBridge}. */
    public void installEnvironment(Map<String, String> env) {
        try {
            loadClass(BRIDGE_NAME).getMethod("install", Map.class).invoke(null, env);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot install the function environment", e);
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                byte[] runtimeClass = RUNTIME_CLASSES.get(name);
                if (runtimeClass != null) {
                    c = defineClass(name, runtimeClass, 0, runtimeClass.length);
                } else {
                    try {
                        c = getParent().loadClass(name);
                    } catch (ClassNotFoundException e) {
                        c = findClass(name);
                    }
                }
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        String path = name.replace('.', '/') + ".class";
        URL url = findResource(path);
        if (url == null) {
            throw new ClassNotFoundException(name);
        }
        byte[] bytes;
        URL codeBase;
        Certificate[] certificates = null;
        try {
            URLConnection connection = url.openConnection();
            connection.setUseCaches(true);
            try (InputStream in = connection.getInputStream()) {
                bytes = in.readAllBytes();
            }
            if (connection instanceof JarURLConnection jar) {
                codeBase = jar.getJarFileURL();
            } else {
                String s = url.toString();
                codeBase = new URL(s.substring(0, s.length() - path.length()));
            }
        } catch (IOException e) {
            throw new ClassNotFoundException(name + ": " + e.getMessage(), e);
        }
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            String pkg = name.substring(0, dot);
            if (getDefinedPackage(pkg) == null) {
                try {
                    definePackage(pkg, null, null, null, null, null, null, null);
                } catch (IllegalArgumentException alreadyDefinedConcurrently) {
                    // another thread defined it first
                }
            }
        }
        byte[] rewritten = EnvRewriter.rewrite(bytes);
        ProtectionDomain domain = domains.computeIfAbsent(codeBase,
                u -> new ProtectionDomain(new CodeSource(u, certificates), null, this, null));
        return defineClass(name, rewritten, 0, rewritten.length, domain);
    }

    private static Map<String, byte[]> runtimeClasses() {
        Map<String, byte[]> classes = new java.util.HashMap<>();
        for (String name : List.of(BRIDGE_NAME, SnapshotHooks.CRAC_PACKAGE + ".Core", SnapshotHooks.CRAC_PACKAGE + ".Core$Global",
                SnapshotHooks.CRAC_PACKAGE + ".Context", SnapshotHooks.CRAC_PACKAGE + ".Resource",
                SnapshotHooks.CRAC_PACKAGE + ".CheckpointException", SnapshotHooks.CRAC_PACKAGE + ".RestoreException")) {
            classes.put(name, readOwnClass(name));
        }
        return Map.copyOf(classes);
    }

    private static byte[] readOwnClass(String name) {
        try {
            return readOwnClass(Class.forName(name, false, FunctionClassLoader.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("missing " + name, e);
        }
    }

    private static byte[] readOwnClass(Class<?> type) {
        String resource = type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
