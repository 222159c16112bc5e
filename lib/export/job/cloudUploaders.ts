import type { JobRecord } from '../../storage/exportDb';
import { DROPBOX_ORIGINS, dropboxAccessToken } from '../../upload/dropbox/dropboxAuth';
import { uploadToDropbox, type DropboxCheckpoint } from '../../upload/dropbox/dropboxUpload';
import { GOOGLE_DRIVE_ORIGINS, googleDriveAccessToken } from '../../upload/googleDrive/googleAuth';
import { uploadToGoogleDrive, type DriveCheckpoint } from '../../upload/googleDrive/driveUpload';
import type { SaveTarget } from '../../upload/saveTarget';
import type { ResumableUpload } from '../../upload/uploadSource';
import { originPattern, webdavCredentials } from '../../upload/webdav/webdavAccount';
import { uploadToWebdav, type WebdavCheckpoint } from '../../upload/webdav/webdavUpload';

/** Where one file's upload stands with each provider; the job holds the whole ZIP's, a part its own. */
export type UploadCheckpoints = Pick<JobRecord, 'uploadCheckpoint' | 'dropboxCheckpoint' | 'driveCheckpoint'>;
export type CloudCheckpoint = NonNullable<UploadCheckpoints[keyof UploadCheckpoints]>;

/** A provider ready to upload: the origins it must be allowed to reach, and its uploader with the account bound. */
export interface CloudConnection<Checkpoint> {
  origins: string[];
  upload(options: ResumableUpload<Checkpoint>): Promise<void>;
}

/** What the upload stage needs to know of one cloud provider. */
export interface CloudUploader<Checkpoint extends CloudCheckpoint> {
  /** This provider's checkpoint among those the job and each part keep, and the change that saves a new one. */
  read(checkpoints: UploadCheckpoints): Checkpoint | undefined;
  write(checkpoint: Checkpoint): UploadCheckpoints;
  /** The bytes a checkpoint says the server holds. */
  confirmed(checkpoint: Checkpoint): number;
  /** Reads the connected account (WebDAV's server and password, a token source); fails with a pause when there is none. */
  connect(): Promise<CloudConnection<Checkpoint>>;
}

export const CLOUD_UPLOADERS: {
  webdav: CloudUploader<WebdavCheckpoint>;
  dropbox: CloudUploader<DropboxCheckpoint>;
  googleDrive: CloudUploader<DriveCheckpoint>;
} = {
  webdav: {
    read: (checkpoints) => checkpoints.uploadCheckpoint,
    write: (uploadCheckpoint) => ({ uploadCheckpoint }),
    confirmed: (checkpoint) => checkpoint.confirmed,
    async connect() {
      const credentials = await webdavCredentials();
      return { origins: [originPattern(credentials.url)], upload: (options) => uploadToWebdav({ ...options, credentials }) };
    },
  },
  dropbox: {
    read: (checkpoints) => checkpoints.dropboxCheckpoint,
    write: (dropboxCheckpoint) => ({ dropboxCheckpoint }),
    confirmed: (checkpoint) => checkpoint.offset,
    connect: async () => ({ origins: DROPBOX_ORIGINS, upload: (options) => uploadToDropbox({ ...options, accessToken: (renew) => dropboxAccessToken(renew) }) }),
  },
  googleDrive: {
    read: (checkpoints) => checkpoints.driveCheckpoint,
    write: (driveCheckpoint) => ({ driveCheckpoint }),
    confirmed: (checkpoint) => checkpoint.offset,
    connect: async () => ({
      origins: GOOGLE_DRIVE_ORIGINS,
      upload: (options) => uploadToGoogleDrive({ ...options, accessToken: (renew) => googleDriveAccessToken(renew) }),
    }),
  },
};

export type CloudTarget = keyof typeof CLOUD_UPLOADERS;

export function isCloudTarget(target: SaveTarget): target is CloudTarget {
  return Object.hasOwn(CLOUD_UPLOADERS, target);
}
