/** Multipart uploads with progress: the one XMLHttpRequest of the web app (fetch cannot report upload progress). */
import { ApiError, CSRF_HEADER, csrfToken, parseApiError } from './api.ts';

/**
 * Sends a multipart form with XMLHttpRequest so the page can show upload progress (fetch cannot
 * report it); errors become the same ApiError as every other call.
 */
export async function uploadForm<T>(
  method: 'PUT' | 'POST',
  path: string,
  form: FormData,
  onProgress?: (percent: number) => void,
): Promise<T> {
  const token = await csrfToken();
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'NETWORK_ERROR', message: '' }));
    xhr.onload = () => {
      let json: unknown;
      try {
        json = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        json = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(json as T);
      else reject(parseApiError(xhr.status, json));
    };
    xhr.send(form);
  });
}
