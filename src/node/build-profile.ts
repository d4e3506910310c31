/** Picks the build profile: LAYERLENS_PROFILE when set, else gpu when Dawn finds a GPU, else cpu. */
import { PROFILES, isProfileName, type BuildProfile } from '../figures/profiles.ts';
import { installDawn } from './dawn.ts';

export async function chooseProfile(): Promise<BuildProfile> {
  const requested = process.env.LAYERLENS_PROFILE;
  if (requested !== undefined) {
    if (!isProfileName(requested))
      throw new Error(
        `LAYERLENS_PROFILE=${requested} is not a profile; use one of: ${Object.keys(PROFILES).join(', ')}.`,
      );
    return PROFILES[requested];
  }
  return (await installDawn()) === null ? PROFILES.gpu : PROFILES.cpu;
}
