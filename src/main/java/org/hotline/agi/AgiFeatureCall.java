package org.hotline.agi;

import java.util.List;
import java.util.Optional;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.command.AnswerCommand;
import org.asteriskjava.fastagi.command.HangupCommand;
import org.asteriskjava.fastagi.command.StreamFileCommand;
import org.hotline.acd.runtime.AcdPrompts;
import org.hotline.call.AgentFeatureCodes;
import org.hotline.call.CallHungUpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent in an Asterisk site dialling a feature code ({@code *1} ready, {@code *2} not ready,
 * {@code *3} break, {@code *0} log out): the dialplan runs {@code AGI(agi://hotline:4573/feature,
 * ${EXTEN},${CHANNEL(endpoint)})} (or {@code feature?code=*1&agent=1001}). Asterisk has already
 * authenticated the agent's phone (pjsip.conf), so the endpoint name is the work number (rule R3).
 * The code goes to the ACD, the answer is played, and the call is hung up. Runs on its own
 * virtual thread; stateless.
 */
final class AgiFeatureCall {

    private static final Logger log = LoggerFactory.getLogger(AgiFeatureCall.class);

    private final AgentFeatureCodes codes;
    private final PromptPaths prompts;
    private final String language;

    AgiFeatureCall(AgentFeatureCodes codes, PromptPaths prompts, String language) {
        this.codes = codes;
        this.prompts = prompts;
        this.language = language;
    }

    /** The {@code feature} script: runs the call on a virtual thread and returns. */
    void start(AgiSession session) {
        Thread.ofVirtual().name("agi-feature-" + session.id()).start(() -> run(session));
    }

    private void run(AgiSession session) {
        AgiExchange agi = new AgiExchange(session);
        Optional<String> code = argument(session.request(), "code", 0);
        Optional<String> agent = argument(session.request(), "agent", 1);
        try {
            agi.executeForResult(new AnswerCommand());
            List<String> answer = code.isPresent() && agent.isPresent()
                    ? codes.apply(agent.get(), code.get())
                    : List.of(AcdPrompts.CODE_UNKNOWN);
            log.atInfo().addKeyValue("callId", session.id()).addKeyValue("agent", agent.orElse("?"))
                    .addKeyValue("code", code.orElse("?")).addKeyValue("answer", answer).log("agent feature code");
            for (String prompt : answer) {
                agi.executeForResult(new StreamFileCommand(prompts.path(prompt, language), ""));
            }
            agi.execute(new HangupCommand());
        } catch (CallHungUpException e) {
            log.atDebug().addKeyValue("callId", session.id()).log("agent hung up during the feature code");
        } catch (RuntimeException e) {
            log.atError().addKeyValue("callId", session.id()).setCause(e).log("feature code call failed");
        } finally {
            session.close();
        }
    }

    /** A URL parameter ({@code feature?code=*1}) or else the dialplan argument at {@code index} ({@code agi_arg_N}). */
    static Optional<String> argument(AgiRequest request, String name, int index) {
        String parameter = request.getParameter(name);
        if (parameter != null && !parameter.isBlank()) {
            return Optional.of(parameter.strip());
        }
        String[] arguments = request.getArguments();
        if (arguments != null && arguments.length > index && arguments[index] != null && !arguments[index].isBlank()) {
            return Optional.of(arguments[index].strip());
        }
        return Optional.empty();
    }
}
