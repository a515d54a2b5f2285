package org.hotline.agi;

import org.asteriskjava.manager.action.AbstractManagerAction;

/**
 * AMI {@code ControlPlayback} (Asterisk 12+), which asterisk-java has no class for: with
 * {@code Control: stop} it stops the file a {@code CONTROL STREAM FILE} plays on the channel, which
 * then replies to its AGI session. asterisk-java writes the action's getters as its fields.
 */
public final class ControlPlaybackAction extends AbstractManagerAction {

    private static final long serialVersionUID = 1L;

    private final String channel;
    private final String control;

    public ControlPlaybackAction(String channel, String control) {
        this.channel = channel;
        this.control = control;
    }

    @Override
    public String getAction() {
        return "ControlPlayback";
    }

    public String getChannel() {
        return channel;
    }

    public String getControl() {
        return control;
    }
}
