package fr.maillage.database;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.neo4j.driver.Driver;
import org.neo4j.driver.ExecutableQuery;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionContext;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Counts the Cypher statements sent through the driver: the {@link Driver} bean is wrapped so that every {@code run}
 * of a blocking session, transaction or transaction context, and every executable query, adds one. The cost is one
 * atomic increment per statement; {@code maillage.database.count-statements=false} removes the wrapper.
 * <p>
 * The count is global: read {@link #sent()} before and after a request (tests, benchmarks) to know what it cost.
 * With {@code maillage.database.record-statements-to} set, the statements of requests are also recorded
 * ({@link StatementRecorder}).
 * Asynchronous and reactive sessions are not counted (the service does not use them).
 */
@Component
@ConditionalOnProperty(name = "maillage.database.count-statements", havingValue = "true", matchIfMissing = true)
public class CypherStatementCounter implements BeanPostProcessor, EnvironmentAware {

    private final AtomicLong sent = new AtomicLong();
    private StatementRecorder recorder;

    @Override
    public void setEnvironment(Environment environment) {
        var folder = environment.getProperty("maillage.database.record-statements-to");
        recorder = folder == null || folder.isBlank() ? null : new StatementRecorder(Path.of(folder));
    }

    /** Statements sent since the start. */
    public long sent() {
        return sent.get();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof Driver driver && !Proxy.isProxyClass(bean.getClass()) ? wrap(driver, Driver.class) : bean;
    }

    private <T> T wrap(T target, Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> invoke(target, method, args)));
    }

    // The one unchecked cast kept: a dynamic proxy sees the driver's callbacks erased, and hands them back re-wrapped
    // under the very types the driver's signatures declare (TransactionCallback<T>, Consumer<TransactionContext>).
    @SuppressWarnings("unchecked")
    private Object invoke(Object target, Method method, Object[] args) throws Throwable {
        if (target instanceof ExecutableQuery ? method.getName().equals("execute") : method.getName().equals("run")) {
            sent.incrementAndGet();
            if (recorder != null && args != null && args.length > 0) {
                recorder.sent(args[0]);
            }
        }
        if (args != null) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof TransactionCallback<?> callback) {
                    args[i] = (TransactionCallback<Object>) tx -> callback.execute(wrap(tx, TransactionContext.class));
                } else if (args[i] instanceof Consumer<?> consumer && method.getName().startsWith("execute")) {
                    var work = (Consumer<TransactionContext>) consumer;
                    args[i] = (Consumer<TransactionContext>) tx -> work.accept(wrap(tx, TransactionContext.class));
                }
            }
        }
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (result instanceof Session session) {
            return wrap(session, Session.class);
        }
        if (result instanceof Transaction transaction) {
            return wrap(transaction, Transaction.class);
        }
        if (result instanceof ExecutableQuery query) {
            return wrap(query, ExecutableQuery.class);
        }
        return result;
    }
}
