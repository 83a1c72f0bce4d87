/** Where custom lessons are shown: the owner's preview of a draft, a learner's assigned version. */
export const editorPath = (moduleId: string) => `/trainer/modules/${moduleId}/`;
export const previewPath = (moduleId: string, lessonId: string) => `/trainer/modules/${moduleId}/lessons/${lessonId}/`;
export const learnerLessonPath = (lessonKey: string) => `/learn/lessons/${lessonKey}/`;
