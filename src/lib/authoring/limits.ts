/** The authoring limits, without zod, so browser code can show them. */
/** Limits of an import and of what the editor stores; each breach has its own error. */
export const AUTHORING_LIMITS = {
  /** Upload size, enforced while the body streams in. */
  maxUploadBytes: 10 * 1024 * 1024,
  /** Sum of the uncompressed sizes of the parts read from a PPTX/DOCX (zip bombs). */
  maxUncompressedBytes: 50 * 1024 * 1024,
  maxSlides: 100,
  maxLessons: 30,
  maxSectionsPerLesson: 100,
  maxTitleChars: 120,
  maxHeadingChars: 200,
  maxSectionChars: 20_000,
  /** All text of a module together. */
  maxModuleChars: 400_000,
  maxPronunciations: 200,
  maxQuestionsPerLesson: 50,
  /** JSON bodies of the editor (a section of Japanese text is 3 bytes a character). */
  maxEditBodyBytes: 256 * 1024,
  /** Pasted Markdown or GIFT. */
  maxDocumentBodyBytes: 2 * 1024 * 1024,
  /** One picture of an imported file; a larger one is skipped (the import goes on without it). */
  maxImageBytes: 5 * 1024 * 1024,
  /** Distinct pictures kept per module (identical ones count once); further ones are skipped. */
  maxImagesPerModule: 40,
} as const;

/** Files the importer reads. */
export const ACCEPTED_EXTENSIONS = ['.pptx', '.docx', '.md', '.markdown', '.txt'] as const;
