package org.hotline.agi;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.nio.charset.StandardCharsets;
import org.asteriskjava.fastagi.command.AgiCommand;

/**
 * Writes one AGI command per line. The text is asterisk-java's {@link AgiCommand#buildCommand()},
 * which quotes and escapes every argument the way res_agi.c's {@code parse_args} reads it back
 * (backslash and double quote escaped, newlines dropped). Stateless; on the channel's event loop.
 */
final class AgiCommandEncoder extends MessageToByteEncoder<AgiCommand> {

    @Override
    protected void encode(ChannelHandlerContext ctx, AgiCommand command, ByteBuf out) {
        out.writeCharSequence(command.buildCommand(), StandardCharsets.UTF_8);
        out.writeByte('\n');
    }
}
