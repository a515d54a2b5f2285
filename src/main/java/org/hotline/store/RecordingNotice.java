package org.hotline.store;

import org.hotline.recording.RecordingInfo;

/** What the recorder reported, queued for the writer thread. */
record RecordingNotice(RecordingInfo info, StoredRecording.Status status) {
}
