package org.hotline.sip;

import gov.nist.core.StackLogger;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the JAIN-SIP RI's own logging to SLF4J (logger {@code gov.nist.javax.sip}); the RI's default
 * writes through log4j 1, which we do not ship. The RI instantiates it by name (STACK_LOGGER
 * property). The RI reports a peer's malformed message as an error and its start-up defaults as
 * warnings, so each RI level goes one step down here (error to WARN, warning to INFO); only its
 * fatal errors stay ERROR. Stateless apart from its SLF4J logger, so any thread may use it.
 */
public final class Slf4jStackLogger implements StackLogger {

    private final Logger log = LoggerFactory.getLogger("gov.nist.javax.sip");

    public Slf4jStackLogger() {
        // instantiated reflectively by the stack
    }

    @Override
    public boolean isLoggingEnabled() {
        return true;
    }

    /** The stack's INFO is message tracing: mapped to our DEBUG; its DEBUG/TRACE to TRACE. */
    @Override
    public boolean isLoggingEnabled(int level) {
        if (level <= TRACE_FATAL) {
            return log.isErrorEnabled();
        }
        if (level <= TRACE_ERROR) {
            return log.isWarnEnabled();
        }
        if (level <= TRACE_WARN) {
            return log.isInfoEnabled();
        }
        if (level <= TRACE_INFO) {
            return log.isDebugEnabled();
        }
        return log.isTraceEnabled();
    }

    @Override
    public void logStackTrace() {
        log.trace("stack trace", new Throwable("stack trace"));
    }

    @Override
    public void logStackTrace(int level) {
        logStackTrace();
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable ex) {
        log.warn("SIP stack exception", ex);
    }

    @Override
    public void logDebug(String message) {
        log.trace(message);
    }

    @Override
    public void logDebug(String message, Exception ex) {
        log.trace(message, ex);
    }

    @Override
    public void logTrace(String message) {
        log.trace(message);
    }

    @Override
    public void logFatalError(String message) {
        log.error(message);
    }

    @Override
    public void logError(String message) {
        log.warn(message);
    }

    @Override
    public void logError(String message, Exception ex) {
        log.warn(message, ex);
    }

    @Override
    public void logWarning(String message) {
        log.info(message);
    }

    @Override
    public void logInfo(String message) {
        log.debug(message);
    }

    @Override
    public void disableLogging() {
        // levels are SLF4J's business
    }

    @Override
    public void enableLogging() {
        // levels are SLF4J's business
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
        log.debug("JAIN-SIP RI build {}", buildTimeStamp);
    }

    @Override
    public void setStackProperties(Properties properties) {
        // nothing to read: SLF4J is configured by the application
    }

    @Override
    public String getLoggerName() {
        return log.getName();
    }
}
